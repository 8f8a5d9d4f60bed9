package dev.ykmfa.awssim.server;

import dev.ykmfa.awssim.policy.PrincipalRef;
import dev.ykmfa.awssim.store.Role;
import dev.ykmfa.awssim.store.Session;
import dev.ykmfa.awssim.store.User;

/**
 * The authenticated principal of one request: an IAM user with long-term keys, an IAM user with GetSessionToken
 * credentials, or an assumed-role session.
 */
public final class Caller {
    /** What kind of credentials signed the request. */
    public enum Kind {
        /** Long-term AKIA key of an IAM user. */
        USER,
        /** GetSessionToken credentials of an IAM user. */
        USER_SESSION,
        /** AssumeRole credentials. */
        ROLE_SESSION
    }

    private final Kind kind;
    private final String account;
    private final String partition;
    private final User user;
    private final Role role;
    private final Session session;
    private final String accessKeyId;
    private final String region;
    private final String arn;
    private final PrincipalRef ref;

    /**
     * @param kind credential kind
     * @param account account id
     * @param partition partition id
     * @param user the user (USER, USER_SESSION) or null
     * @param role the role (ROLE_SESSION) or null
     * @param session the session or null
     * @param accessKeyId the signing key id
     * @param region the SigV4 scope region
     */
    public Caller(Kind kind, String account, String partition, User user, Role role, Session session,
                  String accessKeyId, String region) {
        this.kind = kind;
        this.account = account;
        this.partition = partition;
        this.user = user;
        this.role = role;
        this.session = session;
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.arn = kind == Kind.ROLE_SESSION
                ? "arn:" + partition + ":sts::" + account + ":assumed-role/" + role.name() + "/"
                  + session.sessionName()
                : user.arn();
        this.ref = new PrincipalRef(account, arn, role == null ? null : role.arn());
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the account */
    public String account() {
        return account;
    }

    /** @return the partition id */
    public String partition() {
        return partition;
    }

    /** @return the user or null */
    public User user() {
        return user;
    }

    /** @return the role or null */
    public Role role() {
        return role;
    }

    /** @return the session or null */
    public Session session() {
        return session;
    }

    /** @return the signing access key id */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** @return the SigV4 scope region */
    public String region() {
        return region;
    }

    /** @return the caller ARN as GetCallerIdentity and error messages print it */
    public String arn() {
        return arn;
    }

    /** @return {@code aws:userid}: AIDA… or AROA…:session */
    public String userId() {
        return kind == Kind.ROLE_SESSION ? role.id() + ":" + session.sessionName() : user.id();
    }

    /** @return the ARN policies match as {@code aws:PrincipalArn} (role ARN for sessions) */
    public String principalArn() {
        return kind == Kind.ROLE_SESSION ? role.arn() : user.arn();
    }

    /** @return whether the request was signed with temporary credentials */
    public boolean temporary() {
        return kind != Kind.USER;
    }

    /** @return the caller as a trust policy sees it */
    public PrincipalRef ref() {
        return ref;
    }

    @Override
    public String toString() {
        return "Caller[" + arn + ", " + kind + "]";
    }
}

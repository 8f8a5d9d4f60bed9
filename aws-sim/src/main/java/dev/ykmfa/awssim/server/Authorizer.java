package dev.ykmfa.awssim.server;

import dev.ykmfa.awssim.policy.Decision;
import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyEvaluator;
import dev.ykmfa.awssim.policy.RequestContext;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds each request's policy context (spec §6.1) and evaluates the caller's identity policies (user inline +
 * attached + groups, or the role's policies intersected with session policies).
 */
public final class Authorizer {
    /** Context key. */
    public static final String MFA_PRESENT = "aws:MultiFactorAuthPresent";
    /** Context key. */
    public static final String MFA_AGE = "aws:MultiFactorAuthAge";

    private final IamStore store;
    private final Clock clock;

    /**
     * @param store state
     * @param clock simulator clock
     */
    public Authorizer(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The context of a request by {@code caller}. MFA keys follow the caller's credentials: absent for long-term
     * keys, the session's flag for temporary credentials.
     *
     * @param caller the caller
     * @param action {@code service:Action}
     * @param resource ARN or {@code *}
     * @param sourceIp the client address
     * @return the context (mutable: callers add request-specific keys)
     */
    public RequestContext context(Caller caller, String action, String resource, String sourceIp) {
        Instant now = clock.instant();
        RequestContext ctx = new RequestContext(action, resource, caller.ref());
        ctx.put("aws:CurrentTime", Xml.timestamp(now));
        ctx.put("aws:EpochTime", Long.toString(now.getEpochSecond()));
        ctx.put("aws:PrincipalArn", caller.principalArn());
        ctx.put("aws:PrincipalAccount", caller.account());
        ctx.put("aws:userid", caller.userId());
        ctx.put("aws:SecureTransport", "false");
        ctx.put("aws:RequestedRegion", caller.region());
        if (sourceIp != null) {
            ctx.put("aws:SourceIp", sourceIp);
        }
        if (caller.kind() == Caller.Kind.ROLE_SESSION) {
            ctx.put("aws:PrincipalType", "AssumedRole");
            ctx.put("sts:RoleSessionName", caller.session().sessionName());
        } else {
            ctx.put("aws:PrincipalType", "User");
            ctx.put("aws:username", caller.user().name());
        }
        Session s = caller.session();
        if (s != null) {
            ctx.put("aws:TokenIssueTime", Xml.timestamp(s.issued()));
            if (s.sourceIdentity() != null) {
                ctx.put("aws:SourceIdentity", s.sourceIdentity());
            }
            ctx.put(MFA_PRESENT, Boolean.toString(s.mfaPresent()));
            if (s.mfaPresent() && s.mfaAuthTime() != null) {
                ctx.put(MFA_AGE, Long.toString(Math.max(0, Duration.between(s.mfaAuthTime(), now).getSeconds())));
            }
        }
        return ctx;
    }

    /**
     * @param caller the caller
     * @param ctx the request
     * @return the identity-policy decision (session policies restrict role sessions)
     */
    public Decision identityDecision(Caller caller, RequestContext ctx) {
        if (caller.kind() == Caller.Kind.ROLE_SESSION) {
            Decision d = PolicyEvaluator.evaluate(store.identityPolicies(caller.role()), ctx);
            List<PolicyDocument> sessionPolicies = caller.session().sessionPolicies();
            if (!sessionPolicies.isEmpty()) {
                d = d.and(PolicyEvaluator.evaluate(sessionPolicies, ctx));
            }
            return d;
        }
        return PolicyEvaluator.evaluate(store.identityPolicies(caller.user()), ctx);
    }

    /**
     * Requires an identity-policy Allow, answering IAM's AccessDenied message otherwise.
     *
     * @param caller the caller
     * @param ctx the request
     */
    public void require(Caller caller, RequestContext ctx) {
        Decision d = identityDecision(caller, ctx);
        if (d == Decision.ALLOW) {
            return;
        }
        String base = "User: " + caller.arn() + " is not authorized to perform: " + ctx.action() + " on resource: "
                + ctx.resource();
        throw AwsException.accessDenied(d == Decision.EXPLICIT_DENY
                ? base + " with an explicit deny in an identity-based policy"
                : base + " because no identity-based policy allows the " + ctx.action() + " action");
    }
}

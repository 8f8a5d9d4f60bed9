package dev.ykmfa.awssim.server;

import dev.ykmfa.awssim.sigv4.SigV4;
import dev.ykmfa.awssim.sigv4.SigV4Credential;
import dev.ykmfa.awssim.store.AccessKey;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.Role;
import dev.ykmfa.awssim.store.Session;
import dev.ykmfa.awssim.store.User;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Verifies a request's SigV4 signature against the secret of the key it names and resolves the caller
 * (spec §7.5). Request-time skew is judged against the signing clock (real time by default), session expiry
 * against the simulator clock.
 */
public final class Authenticator {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final IamStore store;
    private final Clock simClock;
    private final Clock signingClock;
    private final SigV4 sigv4 = new SigV4();

    /**
     * @param store the state
     * @param simClock simulator clock (session expiry)
     * @param signingClock clock for the 15-minute request-time check
     */
    public Authenticator(IamStore store, Clock simClock, Clock signingClock) {
        this.store = store;
        this.simClock = simClock;
        this.signingClock = signingClock;
    }

    /** @return the SigV4 verifier (its key cache) */
    public SigV4 sigv4() {
        return sigv4;
    }

    /**
     * @param cred the parsed Authorization header
     * @param method HTTP method
     * @param rawPath raw path
     * @param rawQuery raw query or null
     * @param headers header lookup by lower-case name
     * @param body request body
     * @return the caller
     * @throws AwsException with AWS's auth error codes
     */
    public Caller authenticate(SigV4Credential cred, String method, String rawPath, String rawQuery,
                               Function<String, List<String>> headers, byte[] body) {
        String akid = cred.accessKeyId();
        String secret;
        User user = null;
        Role role = null;
        Session session = null;
        Caller.Kind kind;
        String token = first(headers, "x-amz-security-token");
        if (akid.startsWith("ASIA")) {
            session = store.session(akid);
            if (session == null || token == null || !constantEquals(session.token(), token)) {
                throw invalidToken();
            }
            secret = session.secret();
            if (session.isRoleSession()) {
                role = store.findRole(session.roleName());
                kind = Caller.Kind.ROLE_SESSION;
                if (role == null) {
                    throw invalidToken();
                }
            } else {
                user = store.findUser(session.userName());
                kind = Caller.Kind.USER_SESSION;
                if (user == null) {
                    throw invalidToken();
                }
            }
        } else {
            AccessKey key = store.accessKey(akid);
            if (key == null || !key.active() || token != null) {
                throw invalidToken();
            }
            user = store.findUser(key.userName());
            if (user == null) {
                throw invalidToken();
            }
            secret = key.secret();
            kind = Caller.Kind.USER;
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) {
            throw new AwsException(AwsConstants.INCOMPLETE_SIGNATURE, 403,
                    "Authorization header requires existence of an 'X-Amz-Date' header.");
        }
        if (!cred.signedHeaders().contains("host")) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String payloadHash = SigV4.hex(SigV4.sha256(body));
        String declared = first(headers, "x-amz-content-sha256");
        if (declared != null && !declared.equals(payloadHash)) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403, AwsConstants.MSG_SIGNATURE);
        }
        String expected = sigv4.expectedSignature(cred, secret, method, rawPath, rawQuery, headers, amzDate,
                payloadHash);
        if (!SigV4.same(expected, cred.signature())) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403, AwsConstants.MSG_SIGNATURE);
        }
        Instant requestTime;
        try {
            requestTime = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new AwsException(AwsConstants.INCOMPLETE_SIGNATURE, 403,
                    "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (!amzDate.startsWith(cred.date())) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + cred.date() + "' != '" + amzDate.substring(0, Math.min(8, amzDate.length()))
                            + "', from '" + amzDate + "'.");
        }
        Instant now = signingClock.instant();
        if (requestTime.isBefore(now.minus(AwsConstants.MAX_SKEW))) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403, "Signature expired: " + amzDate
                    + " is now earlier than " + AMZ_DATE.format(now.minus(AwsConstants.MAX_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (requestTime.isAfter(now.plus(AwsConstants.MAX_SKEW))) {
            throw new AwsException(AwsConstants.SIGNATURE_DOES_NOT_MATCH, 403, "Signature not yet current: "
                    + amzDate + " is still later than " + AMZ_DATE.format(now.plus(AwsConstants.MAX_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " + 15 min.)");
        }
        if (session != null && !simClock.instant().isBefore(session.expiration())) {
            throw new AwsException(AwsConstants.EXPIRED_TOKEN, 403, AwsConstants.MSG_EXPIRED_TOKEN);
        }
        return new Caller(kind, store.account(), store.partition(), user, role, session, akid, cred.region());
    }

    private static AwsException invalidToken() {
        return new AwsException(AwsConstants.INVALID_CLIENT_TOKEN_ID, 403, AwsConstants.MSG_INVALID_TOKEN);
    }

    private static boolean constantEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(Function<String, List<String>> headers, String name) {
        List<String> v = headers.apply(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

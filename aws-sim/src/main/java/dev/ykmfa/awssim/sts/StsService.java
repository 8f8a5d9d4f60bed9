package dev.ykmfa.awssim.sts;

import dev.ykmfa.awssim.mfa.MfaVerifier;
import dev.ykmfa.awssim.policy.Decision;
import dev.ykmfa.awssim.policy.MalformedPolicyException;
import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyEvaluator;
import dev.ykmfa.awssim.policy.PolicyKind;
import dev.ykmfa.awssim.policy.RequestContext;
import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.awssim.server.AwsException;
import dev.ykmfa.awssim.server.Authorizer;
import dev.ykmfa.awssim.server.Caller;
import dev.ykmfa.awssim.server.Params;
import dev.ykmfa.awssim.server.QueryService;
import dev.ykmfa.awssim.server.Request;
import dev.ykmfa.awssim.server.Validation;
import dev.ykmfa.awssim.server.Xml;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.Ids;
import dev.ykmfa.awssim.store.ManagedPolicy;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.awssim.store.Role;
import dev.ykmfa.awssim.store.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS over the Query protocol (2011-06-15): AssumeRole with MFA, GetSessionToken, GetCallerIdentity
 * (spec §2). Check order: parameter validation → MFA code → authorization (identity + trust) → duration.
 */
public final class StsService implements QueryService {
    private static final String SESSION_NAME_SHOWN = "[\\w+=,.@-]*";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final String EXTERNAL_ID_SHOWN = "[\\w+=,.@:\\/-]*";
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    private static final String SERIAL_SHOWN = "[\\w+=/:,.@-]*";
    private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]*");
    private static final String CODE_SHOWN = "[\\d]*";
    private static final Pattern CODE = Pattern.compile("\\d*");
    private static final Pattern POLICY_CHARS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final String POLICY_CHARS_SHOWN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):role(/.*)?/([^/]+)");
    private static final int PURGE_EVERY = 4096;
    private static final List<String> ACTIONS = List.of("AssumeRole", "GetSessionToken", "GetCallerIdentity");

    private final IamStore store;
    private final Authorizer authorizer;
    private final MfaVerifier mfa;
    private final Clock clock;
    private final AtomicLong issued = new AtomicLong();

    /**
     * @param store state
     * @param authorizer policy checks
     * @param mfa TOTP checks
     * @param clock simulator clock
     */
    public StsService(IamStore store, Authorizer authorizer, MfaVerifier mfa, Clock clock) {
        this.store = store;
        this.authorizer = authorizer;
        this.mfa = mfa;
        this.clock = clock;
    }

    @Override
    public boolean supports(String action) {
        return ACTIONS.contains(action);
    }

    @Override
    public String handle(Request r) {
        switch (r.action()) {
            case "AssumeRole": return assumeRole(r);
            case "GetSessionToken": return getSessionToken(r);
            case "GetCallerIdentity": return getCallerIdentity(r);
            default:
                throw new AwsException(AwsConstants.INVALID_ACTION, 400,
                        "Could not find operation " + r.action() + " for version " + AwsConstants.STS_VERSION);
        }
    }

    private static Xml begin(String op) {
        return new Xml().open(op + "Response", AwsConstants.STS_NAMESPACE).open(op + "Result");
    }

    private static String end(Xml x, String op, Request r) {
        return x.close(op + "Result").open("ResponseMetadata").leaf("RequestId", r.requestId())
                .close("ResponseMetadata").close(op + "Response").toString();
    }

    private static void credentials(Xml x, Session s) {
        x.open("Credentials").leaf("AccessKeyId", s.accessKeyId()).leaf("SecretAccessKey", s.secret())
                .leaf("SessionToken", s.token()).leaf("Expiration", s.expiration()).close("Credentials");
    }

    // ================================================================== GetCallerIdentity

    private String getCallerIdentity(Request r) {
        Caller c = r.caller();
        Xml x = begin("GetCallerIdentity").leaf("UserId", c.userId()).leaf("Account", c.account())
                .leaf("Arn", c.arn());
        return end(x, "GetCallerIdentity", r);
    }

    // ================================================================== MFA

    /** @return whether a valid code was supplied (null: no MFA parameters at all) */
    private Boolean checkMfa(Caller c, String serial, String code) {
        if (serial == null && code == null) {
            return null;
        }
        if (serial == null || code == null) {
            throw AwsException.accessDenied(AwsConstants.MSG_MFA_BOTH_REQUIRED);
        }
        MfaDevice d = store.findMfaDevice(serial);
        if (d == null || c.user() == null || c.kind() == Caller.Kind.ROLE_SESSION
                || !c.user().name().equalsIgnoreCase(d.userName())) {
            throw AwsException.accessDenied(AwsConstants.MSG_MFA_UNKNOWN_SERIAL);
        }
        if (!mfa.verify(d, code)) {
            throw AwsException.accessDenied(AwsConstants.MSG_MFA_INVALID_CODE);
        }
        return Boolean.TRUE;
    }

    // ================================================================== GetSessionToken

    private String getSessionToken(Request r) {
        Params p = r.params();
        Caller c = r.caller();
        Integer duration = p.integer("DurationSeconds");
        String serial = p.get("SerialNumber");
        String code = p.get("TokenCode");
        Validation v = new Validation();
        v.range("DurationSeconds", duration, AwsConstants.MIN_SESSION_SECONDS, AwsConstants.GST_MAX_SECONDS);
        v.length("SerialNumber", serial, 9, 256).pattern("SerialNumber", serial, SERIAL, SERIAL_SHOWN);
        v.length("TokenCode", code, 6, 6).pattern("TokenCode", code, CODE, CODE_SHOWN);
        v.check();
        if (c.temporary()) {
            throw AwsException.accessDenied(AwsConstants.MSG_GST_WITH_SESSION);
        }
        Boolean mfaOk = checkMfa(c, serial, code);
        Instant now = clock.instant();
        int seconds = duration == null ? AwsConstants.GST_DEFAULT_SECONDS : duration;
        Session s = new Session(Ids.accessKeyId(Ids.SESSION_KEY), Ids.secretKey(), Ids.sessionToken(),
                now.plusSeconds(seconds), now, c.user().name(), null, null, mfaOk != null, mfaOk != null ? now : null,
                null, List.of());
        addSession(s, now);
        Xml x = begin("GetSessionToken");
        credentials(x, s);
        return end(x, "GetSessionToken", r);
    }

    private void addSession(Session s, Instant now) {
        store.addSession(s);
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            store.purgeSessionsExpiredBefore(now);
        }
    }

    // ================================================================== AssumeRole

    private String assumeRole(Request r) {
        Params p = r.params();
        Caller c = r.caller();
        String roleArn = p.get("RoleArn");
        String sessionName = p.get("RoleSessionName");
        Integer duration = p.integer("DurationSeconds");
        String policy = p.get("Policy");
        String externalId = p.get("ExternalId");
        String serial = p.get("SerialNumber");
        String code = p.get("TokenCode");
        String sourceIdentity = p.get("SourceIdentity");
        List<String> policyArns = p.list("PolicyArns.member", "arn");
        List<String> tagKeys = p.list("Tags.member", "Key");
        List<String> tagValues = p.list("Tags.member", "Value");
        List<String> transitive = p.list("TransitiveTagKeys.member", null);

        Validation v = new Validation();
        v.required("RoleArn", roleArn).required("RoleSessionName", sessionName);
        v.length("RoleArn", roleArn, 20, 2048);
        v.length("RoleSessionName", sessionName, 2, 64)
                .pattern("RoleSessionName", sessionName, SESSION_NAME, SESSION_NAME_SHOWN);
        v.range("DurationSeconds", duration, AwsConstants.MIN_SESSION_SECONDS, AwsConstants.MAX_ROLE_MAX_SESSION);
        v.length("Policy", policy, 1, 2048).pattern("Policy", policy, POLICY_CHARS, POLICY_CHARS_SHOWN);
        v.length("ExternalId", externalId, 2, 1224).pattern("ExternalId", externalId, EXTERNAL_ID,
                EXTERNAL_ID_SHOWN);
        v.length("SerialNumber", serial, 9, 256).pattern("SerialNumber", serial, SERIAL, SERIAL_SHOWN);
        v.length("TokenCode", code, 6, 6).pattern("TokenCode", code, CODE, CODE_SHOWN);
        v.length("SourceIdentity", sourceIdentity, 2, 64)
                .pattern("SourceIdentity", sourceIdentity, SESSION_NAME, SESSION_NAME_SHOWN);
        if (policyArns.size() > 10) {
            v.length("PolicyArns", "x".repeat(policyArns.size()), 0, 10);
        }
        v.check();
        validateTags(tagKeys, tagValues, transitive);
        if (sourceIdentity != null && sourceIdentity.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw AwsException.validation("SourceIdentity cannot start with the prefix aws:");
        }
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!roleArn.startsWith("arn:") || roleArn.split(":", -1).length < 6) {
            throw AwsException.validation(roleArn + " is invalid");
        }

        Boolean mfaOk = checkMfa(c, serial, code);

        // Authorization: identity policies of the caller, then the role's trust policy.
        Role role = m.matches() && m.group(2).equals(store.account()) && m.group(1).equals(store.partition())
                ? store.findRole(m.group(4)) : null;
        if (role != null && !role.arn().equals(roleArn)) {
            role = null; // path in the ARN must match
        }
        RequestContext ctx = authorizer.context(c, "sts:AssumeRole", roleArn, r.sourceIp());
        Instant now = clock.instant();
        if (mfaOk != null) {
            ctx.put(Authorizer.MFA_PRESENT, "true");
            ctx.put(Authorizer.MFA_AGE, "0");
        }
        if (externalId != null) {
            ctx.put("sts:ExternalId", externalId);
        }
        ctx.put("sts:RoleSessionName", sessionName);
        if (sourceIdentity != null) {
            ctx.put("sts:SourceIdentity", sourceIdentity);
        }
        if (!tagKeys.isEmpty()) {
            ctx.putAll("aws:TagKeys", tagKeys);
            for (int i = 0; i < tagKeys.size(); i++) {
                ctx.put("aws:RequestTag/" + tagKeys.get(i), tagValues.get(i));
            }
        }
        Decision identity = authorizer.identityDecision(c, ctx);
        PolicyEvaluator.ResourceDecision trust = role == null ? PolicyEvaluator.ResourceDecision.IMPLICIT_DENY
                : PolicyEvaluator.evaluateResource(role.trustPolicy(), ctx);
        boolean allowed = identity != Decision.EXPLICIT_DENY
                && (trust == PolicyEvaluator.ResourceDecision.ALLOW_DIRECT
                    || trust == PolicyEvaluator.ResourceDecision.ALLOW_DELEGATED && identity == Decision.ALLOW);
        if (!allowed) {
            throw AwsException.accessDenied("User: " + c.arn() + " is not authorized to perform: sts:AssumeRole on"
                    + " resource: " + roleArn);
        }

        // Durations (spec §2.3).
        int seconds = duration == null ? AwsConstants.DEFAULT_ROLE_SESSION_SECONDS : duration;
        if (c.temporary() && seconds > AwsConstants.ROLE_CHAINING_MAX_SECONDS) {
            throw AwsException.validation(AwsConstants.MSG_DURATION_CHAINING);
        }
        if (seconds > role.maxSessionDuration()) {
            throw AwsException.validation(AwsConstants.MSG_DURATION_ROLE_MAX);
        }

        // Session policies.
        List<PolicyDocument> sessionPolicies = new ArrayList<>();
        int packed = 0;
        if (policy != null) {
            try {
                sessionPolicies.add(PolicyDocument.parse(policy, PolicyKind.SESSION));
            } catch (MalformedPolicyException e) {
                throw AwsException.malformedPolicy(e.getMessage());
            }
            packed += policy.replaceAll("\\s", "").length();
        }
        for (String arn : policyArns) {
            ManagedPolicy mp = store.findPolicy(arn);
            if (mp == null) {
                throw new AwsException(AwsConstants.INVALID_PARAMETER_VALUE, 400,
                        "Policy " + arn + " does not exist or is not attachable.");
            }
            sessionPolicies.add(mp.document());
            packed += arn.length();
        }
        for (int i = 0; i < tagKeys.size(); i++) {
            packed += tagKeys.get(i).length() + tagValues.get(i).length();
        }
        int packedPercent = (int) Math.ceil(packed * 100.0 / AwsConstants.SESSION_POLICY_MAX_CHARS);
        if (packedPercent > 100) {
            throw new AwsException(AwsConstants.PACKED_POLICY_TOO_LARGE, 400, "Packed policy consumes "
                    + packedPercent + "% of allotted space, please use smaller policy for this session.");
        }

        // MFA context of the new session: only inherited from an MFA-authenticated caller session (spec §6.1).
        boolean sessionMfa = c.session() != null && c.session().mfaPresent();
        Instant mfaTime = sessionMfa ? c.session().mfaAuthTime() : null;
        String inheritedSource = c.session() != null ? c.session().sourceIdentity() : null;
        String source = sourceIdentity != null ? sourceIdentity : inheritedSource;
        Session s = new Session(Ids.accessKeyId(Ids.SESSION_KEY), Ids.secretKey(), Ids.sessionToken(),
                now.plusSeconds(seconds), now, null, role.name(), sessionName, sessionMfa, mfaTime, source,
                List.copyOf(sessionPolicies));
        addSession(s, now);

        Xml x = begin("AssumeRole");
        if (sourceIdentity != null) {
            x.leaf("SourceIdentity", sourceIdentity);
        }
        x.open("AssumedRoleUser").leaf("Arn", "arn:" + store.partition() + ":sts::" + store.account()
                        + ":assumed-role/" + role.name() + "/" + sessionName)
                .leaf("AssumedRoleId", role.id() + ":" + sessionName).close("AssumedRoleUser");
        credentials(x, s);
        if (policy != null || !policyArns.isEmpty() || !tagKeys.isEmpty()) {
            x.leaf("PackedPolicySize", packedPercent);
        }
        return end(x, "AssumeRole", r);
    }

    private static void validateTags(List<String> keys, List<String> values, List<String> transitive) {
        Validation v = new Validation();
        if (keys.size() != values.size()) {
            throw AwsException.validation("1 validation error detected: Value null at 'tags."
                    + (Math.min(keys.size(), values.size()) + 1) + ".member.value' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        for (int i = 0; i < keys.size(); i++) {
            v.length("Tags." + (i + 1) + ".member.key", keys.get(i), 1, 128)
                    .pattern("Tags." + (i + 1) + ".member.key", keys.get(i), TAG_KEY,
                            "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
            v.length("Tags." + (i + 1) + ".member.value", values.get(i), 0, 256)
                    .pattern("Tags." + (i + 1) + ".member.value", values.get(i), TAG_VALUE,
                            "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        }
        v.check();
        if (keys.size() > 50) {
            throw AwsException.validation("1 validation error detected: Value at 'tags' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 50");
        }
        Set<String> seen = new HashSet<>();
        for (String k : keys) {
            if (!seen.add(k.toLowerCase(Locale.ROOT))) {
                throw new AwsException(AwsConstants.INVALID_PARAMETER_VALUE, 400,
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        for (String t : transitive) {
            if (!seen.contains(t.toLowerCase(Locale.ROOT))) {
                throw new AwsException(AwsConstants.INVALID_PARAMETER_VALUE, 400,
                        "The specified transitive tag key must be included in the requested tags.");
            }
        }
    }
}

package dev.ykmfa.awssim.policy;

/**
 * IAM's evaluation logic over policy sets: explicit deny, then allow, else implicit deny (spec §6.3).
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /**
     * Evaluates identity-style policies (no Principal element considered).
     *
     * @param policies the policies
     * @param ctx the request
     * @return the decision
     */
    public static Decision evaluate(Iterable<PolicyDocument> policies, RequestContext ctx) {
        boolean allowed = false;
        for (PolicyDocument p : policies) {
            for (Statement s : p.statements()) {
                if (s.matchesAction(ctx) && s.matchesResource(ctx) && s.matchesConditions(ctx)) {
                    if (s.effect() == Effect.DENY) {
                        return Decision.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** Result of a resource-based (trust) policy evaluation. */
    public enum ResourceDecision {
        /** A matching Deny names the caller. */
        EXPLICIT_DENY,
        /** Allowed by naming the caller itself: sufficient in the same account. */
        ALLOW_DIRECT,
        /** Allowed only through the account (or role): the caller's identity policies must allow too. */
        ALLOW_DELEGATED,
        /** Nothing matches. */
        IMPLICIT_DENY
    }

    /**
     * Evaluates a resource-based policy (a role's trust policy) for the caller in {@code ctx}.
     *
     * @param policy the trust policy
     * @param ctx the request (principal set)
     * @return the decision
     */
    public static ResourceDecision evaluateResource(PolicyDocument policy, RequestContext ctx) {
        boolean direct = false;
        boolean delegated = false;
        for (Statement s : policy.statements()) {
            if (!s.matchesAction(ctx) || !s.matchesConditions(ctx)) {
                continue;
            }
            PrincipalMatch m = s.matchesPrincipal(ctx.principal());
            if (m == PrincipalMatch.NONE) {
                continue;
            }
            if (s.effect() == Effect.DENY) {
                return ResourceDecision.EXPLICIT_DENY;
            }
            if (m == PrincipalMatch.DIRECT) {
                direct = true;
            } else {
                delegated = true;
            }
        }
        if (direct) {
            return ResourceDecision.ALLOW_DIRECT;
        }
        return delegated ? ResourceDecision.ALLOW_DELEGATED : ResourceDecision.IMPLICIT_DENY;
    }
}

package dev.ykmfa.awssim.policy;

/** Outcome of evaluating a set of policies for one request. */
public enum Decision {
    /** A matching Deny statement: nothing else can allow. */
    EXPLICIT_DENY,
    /** At least one matching Allow and no matching Deny. */
    ALLOW,
    /** No matching statement at all. */
    IMPLICIT_DENY;

    /**
     * Combines the decisions of two policy sets that must both apply (deny from either wins).
     *
     * @param other the other decision
     * @return the combination with explicit deny first, then allow only if both allow
     */
    public Decision and(Decision other) {
        if (this == EXPLICIT_DENY || other == EXPLICIT_DENY) {
            return EXPLICIT_DENY;
        }
        return this == ALLOW && other == ALLOW ? ALLOW : IMPLICIT_DENY;
    }
}

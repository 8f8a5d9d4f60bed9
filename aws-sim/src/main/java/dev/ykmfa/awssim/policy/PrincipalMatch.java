package dev.ykmfa.awssim.policy;

/** How a statement's Principal element matched the caller. */
public enum PrincipalMatch {
    /** Not named. */
    NONE,
    /** Named by its own ARN (user or role session, or "*"): the resource policy alone can grant. */
    DIRECT,
    /** Named through its account (or, for a session, its role): identity policies must also allow. */
    DELEGATED
}

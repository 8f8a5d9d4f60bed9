package dev.ykmfa.awssim.policy;

/** Which grammar a policy document is validated against. */
public enum PolicyKind {
    /** Identity-based (managed or inline) policy: Action + Resource, no Principal. */
    IDENTITY,
    /** Role trust policy: Principal + sts:AssumeRole*, no Resource. */
    TRUST,
    /** Session policy passed to AssumeRole: like identity. */
    SESSION
}

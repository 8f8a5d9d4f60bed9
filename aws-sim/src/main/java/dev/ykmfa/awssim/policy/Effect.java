package dev.ykmfa.awssim.policy;

/** A statement's effect. */
public enum Effect {
    /** Grants. */
    ALLOW,
    /** Explicitly denies; always wins. */
    DENY
}

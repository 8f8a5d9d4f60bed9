package dev.ykmfa.awssim.policy;

/** A policy document IAM would refuse; the message is IAM's. */
public final class MalformedPolicyException extends RuntimeException {
    MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}

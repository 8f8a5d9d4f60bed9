package dev.ykmfa.cli;

/** Shows that a secret exists without showing any of it: asterisks and its length. */
public final class Masking {
    private Masking() {
    }

    /**
     * @param secret a secret, or null
     * @return e.g. {@code ******** (40 chars)}; "(none)" for null
     */
    public static String mask(String secret) {
        if (secret == null) {
            return "(none)";
        }
        return "******** (" + secret.length() + " chars)";
    }
}

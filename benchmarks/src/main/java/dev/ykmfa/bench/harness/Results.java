package dev.ykmfa.bench.harness;

import java.util.Locale;

/** Prints harness results as {@code RESULT {json}} lines on stdout, which scripts/bench collects into the README. */
public final class Results {
    private Results() {
    }

    /**
     * @param name the measurement's name, e.g. {@code pcsc.select.quickack}
     * @param jsonFields further JSON fields, without braces
     */
    public static void emit(String name, String jsonFields) {
        System.out.println("RESULT {\"name\":\"" + name + "\"" + (jsonFields.isEmpty() ? "" : "," + jsonFields) + "}");
        System.out.flush();
    }

    /**
     * Reports a measurement that could not be taken, and why.
     *
     * @param name the measurement's name
     * @param reason what was missing and how to provide it
     */
    public static void skip(String name, String reason) {
        System.out.println("SKIPPED " + name + ": " + reason);
        emit(name, "\"skipped\":\"" + reason.replace("\\", "\\\\").replace("\"", "'") + "\"");
    }

    /** @return {@code "key":value} with a double formatted in the root locale */
    public static String field(String key, double value) {
        return String.format(Locale.ROOT, "\"%s\":%.3f", key, value);
    }
}

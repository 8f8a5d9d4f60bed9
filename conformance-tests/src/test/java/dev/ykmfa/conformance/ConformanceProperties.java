package dev.ykmfa.conformance;

import java.util.Optional;

/**
 * The system properties that choose what the suite runs against (the profiles of this module set the first two).
 * One place for their names and defaults.
 */
public final class ConformanceProperties {
    /** {@code sim} (default: the simulated key in-process) or {@code pcsc} (a PC/SC reader, {@code -Phardware}). */
    public static final String KEY = "ykmfa.key";
    /** {@code aws-sim} (default), {@code moto} ({@code -Pmoto}), {@code localstack} ({@code -Plocalstack}). */
    public static final String BACKEND = "ykmfa.backend";
    /** Any AWS-compatible endpoint URL; admin credentials come from the environment. Wins over {@link #BACKEND}. */
    public static final String ENDPOINT = "ykmfa.aws.endpoint";
    /** PC/SC reader name (substring) for {@code -Phardware}. */
    public static final String READER = "ykmfa.reader";
    /** The OATH password of the key in the reader, when it has one. */
    public static final String OATH_PASSWORD = "ykmfa.oath.password";
    /** {@code true}: RESET and password changes are allowed on the key in the reader. */
    public static final String DESTRUCTIVE = "ykmfa.hardware.destructive";
    /** {@code true}: tests that need a person to touch the key run (they say when to touch). */
    public static final String TOUCH = "ykmfa.hardware.touch";
    /** {@code sim}: the suite itself serves a simulated key through pcscd+vpcd and tests it through the reader. */
    public static final String BRIDGE = "ykmfa.hardware.bridge";
    /** vpcd's port for {@link #BRIDGE} (the port in /etc/reader.conf.d/vpcd; default 35963). */
    public static final String VPCD_PORT = "ykmfa.vpcd.port";
    /** How many OATH credentials the key in the reader holds (default by firmware: 32, or 64 from 5.7). */
    public static final String CAPACITY = "ykmfa.hardware.capacity";
    /** Where the conformance report goes (the module's target directory under Maven). */
    public static final String REPORT_DIR = "ykmfa.report.dir";
    /**
     * {@code true}: an unavailable key or backend fails the run instead of skipping it (CI sets it, so a broken
     * pcscd/vpcd or moto set-up cannot pass as "all skipped"). Missing capabilities are still skips.
     */
    public static final String STRICT = "ykmfa.conformance.strict";
    /** The LocalStack image for {@code -Plocalstack}. */
    public static final String LOCALSTACK_IMAGE = "ykmfa.localstack.image";

    private ConformanceProperties() {
    }

    /**
     * @param name a property name
     * @return its value when set and not blank
     */
    public static Optional<String> get(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * @param name a property name
     * @return whether it is set to {@code true}
     */
    public static boolean flag(String name) {
        return get(name).map(Boolean::parseBoolean).orElse(false);
    }
}

package dev.ykmfa.protocol.ykoath;

/**
 * A YKOATH command as a value: it knows its bytes ({@code spec/ykoath.md} §2–4). {@link OathSession} only
 * sequences commands and parses responses; property tests drive the codec with no transport.
 */
public interface OathCommand {
    /** @return the complete command APDU (header, Lc and data, or header and Le for data-less commands) */
    byte[] toApdu();

    /** @return a short name for error messages, e.g. {@code "CALCULATE"} */
    String name();
}

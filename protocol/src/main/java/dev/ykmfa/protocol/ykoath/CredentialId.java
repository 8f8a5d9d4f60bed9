package dev.ykmfa.protocol.ykoath;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id under which a credential is stored on the key, formatted and parsed exactly as ykman does
 * ({@code spec/ykoath.md} §6): {@code [period/][issuer:]name} in UTF-8.
 *
 * <ul>
 *   <li>the {@code period/} prefix appears only for TOTP with a period other than 30 s;</li>
 *   <li>{@code issuer:} appears only when the issuer is non-empty;</li>
 *   <li>parsing a TOTP id uses ykman's rule {@code ^((\d+)/)?(([^:]+):)?(.+)$}; a HOTP id is split at the first
 *       {@code :} unless it starts with one, and has period 0;</li>
 *   <li>the whole id must fit in 64 UTF-8 bytes (pitfall 9): {@link #toBytes()} refuses longer ids.</li>
 * </ul>
 *
 * <p>One deviation from ykman: a prefix {@code 0/} (which ykman would read as period 0 and then divide by zero) or
 * a number too large for an {@code int} is not taken as a period; it stays part of the issuer/name.
 *
 * <pre>{@code
 * CredentialId id = CredentialId.of("Amazon Web Services", "arn:aws:iam::123456789012:mfa/alice", OathType.TOTP, 30);
 * byte[] bytes = id.toBytes();   // "Amazon Web Services:arn:aws:iam::123456789012:mfa/alice"
 * }</pre>
 */
public final class CredentialId {
    private static final Pattern TOTP_ID = Pattern.compile("^((\\d+)/)?(([^:]+):)?(.+)$", Pattern.DOTALL);
    private static final Pattern ISSUER_NAME = Pattern.compile("^(([^:]+):)?(.+)$", Pattern.DOTALL);
    private static final char ISSUER_SEPARATOR = ':';
    private static final char PERIOD_SEPARATOR = '/';
    /** Period reported for HOTP ids, as ykman does. */
    public static final int NO_PERIOD = 0;

    private final String issuer;
    private final String name;
    private final OathType type;
    private final int period;

    private CredentialId(String issuer, String name, OathType type, int period) {
        this.issuer = issuer == null || issuer.isEmpty() ? null : issuer;
        this.name = name;
        this.type = type;
        this.period = period;
    }

    /**
     * @param issuer the issuer, or {@code null}/empty for none
     * @param name the account name, not empty
     * @param type HOTP or TOTP
     * @param period the TOTP period in seconds (30 is the default); ignored for HOTP, whose period is 0
     * @return the id
     * @throws IllegalArgumentException if the name is empty or a TOTP period is not positive
     */
    public static CredentialId of(String issuer, String name, OathType type, int period) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a non-empty name");
        }
        if (type == OathType.TOTP && period <= 0) {
            throw new IllegalArgumentException("a TOTP period is a positive number of seconds, not " + period
                    + ": use 30 unless the service says otherwise");
        }
        return new CredentialId(issuer, name, type, type == OathType.TOTP ? period : NO_PERIOD);
    }

    /**
     * A TOTP id with the default 30 s period.
     *
     * @param issuer the issuer, or {@code null}
     * @param name the account name
     * @return the id
     */
    public static CredentialId totp(String issuer, String name) {
        return of(issuer, name, OathType.TOTP, OathConstants.DEFAULT_PERIOD);
    }

    /**
     * Parses an id as the card stores it, with ykman's rules (§6.2).
     *
     * @param idBytes the UTF-8 id from LIST or CALCULATE ALL
     * @param type the credential type (from LIST's type byte or CALCULATE ALL's tag)
     * @return the id
     */
    public static CredentialId parse(byte[] idBytes, OathType type) {
        return parse(new String(idBytes, UTF_8), type);
    }

    /**
     * Parses an id string with ykman's rules (§6.2).
     *
     * @param id the id, e.g. {@code 60/Issuer:name}
     * @param type the credential type
     * @return the id
     * @throws IllegalArgumentException if the id is empty
     */
    public static CredentialId parse(String id, OathType type) {
        Objects.requireNonNull(type, "type");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a credential id cannot be empty");
        }
        if (type == OathType.HOTP) {
            int colon = id.indexOf(ISSUER_SEPARATOR);
            if (colon > 0 && colon < id.length() - 1) {
                return new CredentialId(id.substring(0, colon), id.substring(colon + 1), type, NO_PERIOD);
            }
            return new CredentialId(null, id, type, NO_PERIOD);
        }
        Matcher m = TOTP_ID.matcher(id);
        if (m.matches() && m.group(2) != null) {
            int period = parsePeriod(m.group(2));
            if (period > 0) {
                return new CredentialId(m.group(4), m.group(5), type, period);
            }
        }
        Matcher plain = ISSUER_NAME.matcher(id);
        if (!plain.matches()) {
            throw new IllegalStateException("unreachable: every non-empty id matches");
        }
        return new CredentialId(plain.group(2), plain.group(3), type, OathConstants.DEFAULT_PERIOD);
    }

    private static int parsePeriod(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the issuer, or {@code null} when there is none */
    public String issuer() {
        return issuer;
    }

    /** @return the account name */
    public String name() {
        return name;
    }

    /** @return HOTP or TOTP */
    public OathType type() {
        return type;
    }

    /** @return the TOTP period in seconds; 0 for HOTP */
    public int period() {
        return period;
    }

    /** @return the id as ykman formats it, {@code [period/][issuer:]name} */
    public String formatted() {
        StringBuilder sb = new StringBuilder();
        if (type == OathType.TOTP && period != OathConstants.DEFAULT_PERIOD) {
            sb.append(period).append(PERIOD_SEPARATOR);
        }
        if (issuer != null) {
            sb.append(issuer).append(ISSUER_SEPARATOR);
        }
        return sb.append(name).toString();
    }

    /**
     * @return the UTF-8 id the card stores
     * @throws IllegalArgumentException if it is longer than 64 bytes
     */
    public byte[] toBytes() {
        String formatted = formatted();
        byte[] bytes = formatted.getBytes(UTF_8);
        if (bytes.length > OathConstants.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("the credential id '" + formatted + "' is " + bytes.length
                    + " bytes in UTF-8, but a YubiKey stores at most " + OathConstants.MAX_ID_LENGTH
                    + " (period prefix and issuer included): shorten the issuer or the name");
        }
        return bytes;
    }

    /** @return {@code issuer:name}, or {@code name} without an issuer */
    public String displayName() {
        return issuer == null ? name : issuer + ISSUER_SEPARATOR + name;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CredentialId)) {
            return false;
        }
        CredentialId c = (CredentialId) o;
        return Objects.equals(issuer, c.issuer) && name.equals(c.name) && type == c.type && period == c.period;
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, name, type, period);
    }

    @Override
    public String toString() {
        return formatted() + " (" + type + ")";
    }
}

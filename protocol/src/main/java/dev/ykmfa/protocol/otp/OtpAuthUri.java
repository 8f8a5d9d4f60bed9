package dev.ykmfa.protocol.otp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code otpauth://} URI, the Key-Uri-Format that QR codes of authenticator enrolment carry, as in
 * {@code spec/ykoath.md} §6.5:
 * {@code otpauth://totp|hotp/[Issuer:]Account?secret=BASE32[&issuer=][&algorithm=][&digits=][&period=][&counter=]}.
 *
 * <p>Parsing follows ykman: the label and the query are percent-decoded (in the query {@code +} also means a
 * space); an {@code issuer=} parameter overrides the label's issuer prefix; defaults are SHA1, 6 digits, 30 s and
 * counter 0; unknown parameters are ignored. Errors name the problem (missing secret, unknown algorithm, bad
 * digits…) and never repeat the URI, because it contains the secret. {@code toString()} hides the secret too.
 *
 * <pre>{@code
 * OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");
 * Totp totp = Totp.builder(uri.secret()).algorithm(uri.algorithm()).digits(uri.digits())
 *         .period(Duration.ofSeconds(uri.period())).build();
 * }</pre>
 */
public final class OtpAuthUri {
    private static final String SCHEME = "otpauth://";
    private static final int DEFAULT_DIGITS = 6;
    private static final int DEFAULT_PERIOD = 30;
    private static final int HEX_RADIX = 16;
    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** The two OTP kinds a URI can describe. */
    public enum Type {
        /** Counter based (RFC 4226). */
        HOTP,
        /** Time based (RFC 6238). */
        TOTP
    }

    private final Type type;
    private final String issuer;
    private final String account;
    private final byte[] secret;
    private final HashAlgorithm algorithm;
    private final int digits;
    private final int period;
    private final long counter;

    private OtpAuthUri(Builder b) {
        this.type = b.type;
        this.issuer = b.issuer == null || b.issuer.isEmpty() ? null : b.issuer;
        this.account = b.account;
        this.secret = b.secret.clone();
        this.algorithm = b.algorithm;
        this.digits = b.digits;
        this.period = b.period;
        this.counter = b.counter;
    }

    /**
     * Starts a builder. Defaults: no issuer, SHA1, 6 digits, period 30, counter 0.
     *
     * @param type TOTP or HOTP
     * @param account the account name (e.g. an e-mail address or an MFA device ARN)
     * @param secret the shared secret (copied)
     * @return a builder
     */
    public static Builder builder(Type type, String account, byte[] secret) {
        return new Builder(type, account, secret);
    }

    /**
     * Parses a URI.
     *
     * @param uri the text, e.g. from a QR code
     * @return the parsed URI
     * @throws IllegalArgumentException naming what is wrong and how to fix it (never echoing the secret)
     */
    public static OtpAuthUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        String text = uri.trim();
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new IllegalArgumentException("not an otpauth URI: it must start with otpauth://totp/ or otpauth://hotp/");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("the otpauth URI has no label: write otpauth://totp/Issuer:account?secret=...");
        }
        Type type = parseType(rest.substring(0, slash));
        String afterType = rest.substring(slash + 1);
        int question = afterType.indexOf('?');
        String rawLabel = question < 0 ? afterType : afterType.substring(0, question);
        String query = question < 0 ? "" : afterType.substring(question + 1);
        String label = percentDecode(rawLabel, false, "label");
        String labelIssuer = null;
        String account = label;
        int colon = label.indexOf(':');
        if (colon >= 0) {
            labelIssuer = label.substring(0, colon);
            account = label.substring(colon + 1).stripLeading();
        }
        if (account.isEmpty()) {
            throw new IllegalArgumentException("the otpauth URI has no account name in its label: write"
                    + " otpauth://totp/Issuer:account?secret=...");
        }
        Map<String, String> params = parseQuery(query);
        String secretText = params.get("secret");
        if (secretText == null || secretText.isEmpty()) {
            throw new IllegalArgumentException("the otpauth URI has no secret= parameter: copy the whole URI, the"
                    + " secret is the Base32 text after secret=");
        }
        byte[] secret;
        try {
            secret = Base32.decode(secretText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret= parameter of the otpauth URI is not Base32: " + e.getMessage(), e);
        }
        Builder b = builder(type, account, secret);
        String issuer = params.containsKey("issuer") ? params.get("issuer") : labelIssuer;
        b.issuer(issuer);
        if (params.containsKey("algorithm")) {
            try {
                b.algorithm(HashAlgorithm.parse(params.get("algorithm")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown algorithm '" + params.get("algorithm")
                        + "' in the otpauth URI: use SHA1, SHA256 or SHA512", e);
            }
        }
        if (params.containsKey("digits")) {
            b.digits(parseInt(params.get("digits"), "digits", "6, 7 or 8"));
        }
        if (params.containsKey("period")) {
            b.period(parseInt(params.get("period"), "period", "a positive number of seconds such as 30"));
        }
        if (params.containsKey("counter")) {
            String c = params.get("counter");
            try {
                b.counter(Long.parseLong(c));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("counter='" + c + "' in the otpauth URI is not a number: use the"
                        + " HOTP counter, 0 or more", e);
            }
        }
        return b.build();
    }

    private static Type parseType(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("totp")) {
            return Type.TOTP;
        }
        if (t.equals("hotp")) {
            return Type.HOTP;
        }
        throw new IllegalArgumentException("unknown OTP type '" + text + "' in the otpauth URI: use totp or hotp");
    }

    private static int parseInt(String value, String name, String expected) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' in the otpauth URI is not a number: use "
                    + expected, e);
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true, "parameter name")
                    .toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(key, percentDecode(value, true, key.equals("secret") ? "secret" : key));
        }
        return params;
    }

    private static String percentDecode(String text, boolean plusIsSpace, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), HEX_RADIX) : -1;
                int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), HEX_RADIX) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent-escape at position " + (i + 1) + " of the "
                            + where + " in the otpauth URI: '%' must be followed by two hex digits");
                }
                out.write(hi * HEX_RADIX + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(UTF_8));
            }
        }
        return out.toString(UTF_8);
    }

    private static String percentEncode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, HEX_RADIX)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, HEX_RADIX)));
            }
        }
        return sb.toString();
    }

    /**
     * Formats the URI: label {@code Issuer:account} (percent-encoded), then secret (Base32 without padding),
     * issuer, algorithm, digits, and period (TOTP) or counter (HOTP).
     *
     * @return the URI text; it contains the secret, so treat it as a secret
     */
    public String format() {
        StringBuilder sb = new StringBuilder(SCHEME).append(type.name().toLowerCase(Locale.ROOT)).append('/');
        if (issuer != null) {
            sb.append(percentEncode(issuer)).append(':');
        }
        sb.append(percentEncode(account)).append("?secret=").append(Base32.encode(secret, false));
        if (issuer != null) {
            sb.append("&issuer=").append(percentEncode(issuer));
        }
        sb.append("&algorithm=").append(algorithm.name()).append("&digits=").append(digits);
        if (type == Type.TOTP) {
            sb.append("&period=").append(period);
        } else {
            sb.append("&counter=").append(counter);
        }
        return sb.toString();
    }

    /** @return TOTP or HOTP */
    public Type type() {
        return type;
    }

    /** @return the issuer, or {@code null} */
    public String issuer() {
        return issuer;
    }

    /** @return the account name */
    public String account() {
        return account;
    }

    /** @return a copy of the secret */
    public byte[] secret() {
        return secret.clone();
    }

    /** @return the hash algorithm */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the number of digits (6–8) */
    public int digits() {
        return digits;
    }

    /** @return the TOTP period in seconds */
    public int period() {
        return period;
    }

    /** @return the HOTP counter */
    public long counter() {
        return counter;
    }

    /** Describes the URI without the secret. */
    @Override
    public String toString() {
        return "OtpAuthUri[" + type + ", " + (issuer == null ? "" : issuer + ":") + account + ", " + algorithm + ", "
                + digits + " digits" + (type == Type.TOTP ? ", " + period + " s" : ", counter " + counter) + "]";
    }

    /** Builder for {@link OtpAuthUri}; each setter states its default. */
    public static final class Builder {
        private final Type type;
        private final String account;
        private final byte[] secret;
        private String issuer;
        private HashAlgorithm algorithm = HashAlgorithm.SHA1;
        private int digits = DEFAULT_DIGITS;
        private int period = DEFAULT_PERIOD;
        private long counter;

        private Builder(Type type, String account, byte[] secret) {
            this.type = Objects.requireNonNull(type, "type");
            this.account = Objects.requireNonNull(account, "account");
            this.secret = Objects.requireNonNull(secret, "secret").clone();
        }

        /**
         * @param issuer the issuer; default none
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * @param algorithm the hash; default SHA1
         * @return this builder
         */
        public Builder algorithm(HashAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * @param digits 6, 7 or 8; default 6
         * @return this builder
         */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /**
         * @param period the TOTP period in seconds, positive; default 30
         * @return this builder
         */
        public Builder period(int period) {
            this.period = period;
            return this;
        }

        /**
         * @param counter the HOTP counter, 0 or more; default 0
         * @return this builder
         */
        public Builder counter(long counter) {
            this.counter = counter;
            return this;
        }

        /**
         * @return the URI
         * @throws IllegalArgumentException on an empty account or secret, digits outside 6–8, a non-positive period
         *     or a negative counter
         */
        public OtpAuthUri build() {
            if (account.isEmpty()) {
                throw new IllegalArgumentException("an otpauth URI needs a non-empty account name");
            }
            if (secret.length == 0) {
                throw new IllegalArgumentException("the otpauth secret is empty: give the Base32 secret from the"
                        + " service");
            }
            if (digits < Hotp.MIN_DIGITS || digits > Hotp.MAX_DIGITS) {
                throw new IllegalArgumentException("digits=" + digits + " is not supported: an OTP has 6, 7 or 8"
                        + " digits");
            }
            if (period <= 0) {
                throw new IllegalArgumentException("period=" + period + " is not a positive number of seconds: use"
                        + " e.g. 30");
            }
            if (counter < 0) {
                throw new IllegalArgumentException("counter=" + counter + " is negative: use 0 or more");
            }
            return new OtpAuthUri(this);
        }
    }
}

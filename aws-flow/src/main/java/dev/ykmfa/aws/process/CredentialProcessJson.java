package dev.ykmfa.aws.process;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code credential_process} JSON contract (spec/aws-mfa.md §7.4): {@code {"Version": 1, "AccessKeyId": …,
 * "SecretAccessKey": …, "SessionToken": …, "Expiration": "2019-11-09T13:34:41Z"}}.
 *
 * <p>JDK only (no AWS SDK, no JSON library) so the CLI can print a cached answer before any heavy class loads.
 * {@link #format} writes the document; {@link #parse} reads one back (used by the cache) and accepts exactly the flat
 * objects this class writes plus any other flat string/number members, which it ignores.
 */
public final class CredentialProcessJson {
    /** The only {@code Version} the AWS CLI and SDKs accept. */
    public static final int VERSION = 1;
    /** Member names. */
    public static final String KEY_VERSION = "Version";
    /** Member names. */
    public static final String KEY_ACCESS_KEY_ID = "AccessKeyId";
    /** Member names. */
    public static final String KEY_SECRET_ACCESS_KEY = "SecretAccessKey";
    /** Member names. */
    public static final String KEY_SESSION_TOKEN = "SessionToken";
    /** Member names. */
    public static final String KEY_EXPIRATION = "Expiration";

    private CredentialProcessJson() {
    }

    /**
     * Formats credentials as the {@code credential_process} document (one line, no trailing newline). The
     * expiration is written in ISO-8601 UTC with second precision, like STS.
     *
     * @param credentials the credentials; a missing token or expiration is left out (long-term keys)
     * @return the JSON text
     */
    public static String format(SessionCredentials credentials) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"").append(KEY_VERSION).append("\": ").append(VERSION);
        member(json, KEY_ACCESS_KEY_ID, credentials.accessKeyId());
        member(json, KEY_SECRET_ACCESS_KEY, credentials.secretAccessKey());
        // plain ifs, no lambdas: this runs on the cache-hit path, where every bootstrap costs start-up time
        Optional<String> token = credentials.sessionToken();
        if (token.isPresent()) {
            member(json, KEY_SESSION_TOKEN, token.get());
        }
        Optional<Instant> expiration = credentials.expiration();
        if (expiration.isPresent()) {
            member(json, KEY_EXPIRATION, IsoInstants.format(expiration.get()));
        }
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, String key, String value) {
        json.append(", \"").append(key).append("\": ");
        quote(json, value);
    }

    private static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }

    /**
     * Parses a {@code credential_process} document.
     *
     * @param json the text
     * @return the credentials
     * @throws IllegalArgumentException when the text is not such a document (the message names what is wrong, never
     *                                  a secret)
     */
    public static SessionCredentials parse(String json) {
        Map<String, Object> members = new FlatJsonReader(json).readObject();
        Object version = members.get(KEY_VERSION);
        if (!(version instanceof Long) || (Long) version != VERSION) {
            throw new IllegalArgumentException("credential_process JSON: \"Version\" must be the number 1");
        }
        String expiration = optionalString(members, KEY_EXPIRATION);
        Instant expires;
        try {
            expires = expiration == null ? null : IsoInstants.parse(expiration);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("credential_process JSON: \"Expiration\" is not ISO-8601 UTC: "
                    + expiration, e);
        }
        return SessionCredentials.of(requiredString(members, KEY_ACCESS_KEY_ID),
                requiredString(members, KEY_SECRET_ACCESS_KEY), optionalString(members, KEY_SESSION_TOKEN), expires);
    }

    private static String requiredString(Map<String, Object> members, String key) {
        String value = optionalString(members, key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("credential_process JSON: missing required key \"" + key + "\"");
        }
        return value;
    }

    private static String optionalString(Map<String, Object> members, String key) {
        Object value = members.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("credential_process JSON: \"" + key + "\" must be a string");
        }
        return (String) value;
    }

    /** A reader for one flat JSON object whose values are strings or integers. */
    private static final class FlatJsonReader {
        private final String text;
        private int pos;

        FlatJsonReader(String text) {
            this.text = text;
        }

        Map<String, Object> readObject() {
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String key = readString();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    members.put(key, peek() == '"' ? readString() : readInteger());
                    skipSpace();
                    char next = next();
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        throw error("expected ',' or '}'");
                    }
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the object");
            }
            return members;
        }

        private String readString() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"':
                    case '\\':
                    case '/':
                        value.append(escaped);
                        break;
                    case 'n':
                        value.append('\n');
                        break;
                    case 'r':
                        value.append('\r');
                        break;
                    case 't':
                        value.append('\t');
                        break;
                    case 'b':
                        value.append('\b');
                        break;
                    case 'f':
                        value.append('\f');
                        break;
                    case 'u':
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                        break;
                    default:
                        throw error("bad escape");
                }
            }
        }

        private Long readInteger() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a string or a number");
            }
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("credential_process JSON: " + what + " at offset " + pos);
        }
    }
}

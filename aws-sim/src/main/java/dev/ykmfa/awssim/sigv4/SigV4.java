package dev.ykmfa.awssim.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 (header form) verification: parses the Authorization header, rebuilds the canonical
 * request from what arrived and compares signatures in constant time. Derived signing keys are cached per
 * (access key, secret, date, region, service), so a key re-imported with another secret never reuses a stale key.
 */
public final class SigV4 {
    /** The only algorithm AWS accepts. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String HMAC = "HmacSHA256";
    private static final int CACHE_LIMIT = 500_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    /**
     * Parses an Authorization header value.
     *
     * @param header the header value
     * @return the parsed credential
     * @throws SigV4Exception when malformed
     */
    public static SigV4Credential parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw new SigV4Exception("Unsupported AWS 'algorithm': use " + ALGORITHM);
        }
        String credential = null;
        String signed = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = p.substring(0, eq);
            String v = p.substring(eq + 1);
            switch (k) {
                case "Credential": credential = v; break;
                case "SignedHeaders": signed = v; break;
                case "Signature": signature = v; break;
                default: break;
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credential == null) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signed == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (missing.length() > 0) {
            throw new SigV4Exception(missing.toString().trim() + " Authorization=" + ALGORITHM);
        }
        String[] c = credential.split("/");
        if (c.length != 5 || !"aws4_request".equals(c[4])) {
            throw new SigV4Exception("Credential should be scoped to correct service. ");
        }
        List<String> headers = Arrays.asList(signed.split(";"));
        return new SigV4Credential(c[0], c[1], c[2], c[3], headers, signature);
    }

    /**
     * Computes the expected signature of a request.
     *
     * @param cred the parsed credential
     * @param secret the secret of {@code cred.accessKeyId()}
     * @param method HTTP method
     * @param rawPath the request path as sent (already percent-encoded)
     * @param rawQuery the query string as sent (may be null)
     * @param headers header lookup by lower-case name giving all values, or null when absent
     * @param amzDate the {@code X-Amz-Date} value
     * @param payloadHash hex SHA-256 of the body
     * @return the hex signature
     */
    public String expectedSignature(SigV4Credential cred, String secret, String method, String rawPath,
                                    String rawQuery, Function<String, List<String>> headers, String amzDate,
                                    String payloadHash) {
        StringBuilder cr = new StringBuilder(512);
        cr.append(method).append('\n');
        cr.append(canonicalUri(rawPath)).append('\n');
        cr.append(canonicalQuery(rawQuery)).append('\n');
        for (String h : cred.signedHeaders()) {
            cr.append(h).append(':');
            List<String> vals = headers.apply(h);
            if (vals != null) {
                for (int i = 0; i < vals.size(); i++) {
                    if (i > 0) {
                        cr.append(',');
                    }
                    appendTrimmed(cr, vals.get(i));
                }
            }
            cr.append('\n');
        }
        cr.append('\n');
        cr.append(String.join(";", cred.signedHeaders())).append('\n');
        cr.append(payloadHash);
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + cred.scope() + '\n'
                + hex(sha256(cr.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKeys.computeIfAbsent(cred.accessKeyId() + '/' + cred.scope() + '/' + secret,
                k -> deriveKey(secret, cred));
        if (signingKeys.size() > CACHE_LIMIT) {
            signingKeys.clear();
        }
        return hex(hmac(key, stringToSign));
    }

    /**
     * Constant-time comparison of two hex signatures.
     *
     * @param expected computed
     * @param provided from the request
     * @return whether equal
     */
    public static boolean same(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Forgets the derived keys of an access key (after it is deleted).
     *
     * @param accessKeyId key id
     */
    public void forget(String accessKeyId) {
        signingKeys.keySet().removeIf(k -> k.startsWith(accessKeyId + "/"));
    }

    private static byte[] deriveKey(String secret, SigV4Credential cred) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), cred.date());
        k = hmac(k, cred.region());
        k = hmac(k, cred.service());
        return hmac(k, "aws4_request");
    }

    private static void appendTrimmed(StringBuilder sb, String v) {
        String t = v.trim();
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        // Non-S3 services: each segment is encoded once more on top of what was sent.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '/') {
                sb.append('/');
            } else {
                encodeChar(sb, c);
            }
        }
        return sb.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            if (k.equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {uriEncode(urlDecode(k)), uriEncode(urlDecode(v))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String urlDecode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%20"), StandardCharsets.UTF_8);
    }

    /**
     * RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else {@code %XX} (upper hex).
     *
     * @param s text
     * @return encoded
     */
    public static String uriEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            encodeChar(sb, (char) (b & 0xFF));
        }
        return sb.toString();
    }

    private static void encodeChar(StringBuilder sb, char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~') {
            sb.append(c);
        } else {
            sb.append('%').append(Character.toUpperCase(HEX[(c >> 4) & 0xF]))
                    .append(Character.toUpperCase(HEX[c & 0xF]));
        }
    }

    /**
     * @param data bytes
     * @return SHA-256
     */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    /**
     * @param key key
     * @param data UTF-8 text
     * @return HMAC-SHA256
     */
    public static byte[] hmac(byte[] key, String data) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param b bytes
     * @return lower-case hex
     */
    public static String hex(byte[] b) {
        char[] c = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            c[2 * i] = HEX[(b[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(c);
    }
}

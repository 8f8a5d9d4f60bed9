package dev.ykmfa.bench.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small AWS Signature Version 4 signer for form-encoded {@code POST /} Query-protocol requests (written from the
 * SigV4 specification; signs {@code content-type;host;x-amz-date}). Like the SDKs, it lets the caller keep the
 * derived signing key per access key and day. Not thread-safe: one per client thread.
 */
public final class SigV4Signer {
    /** The form content type the Query protocol uses. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SIGNED_HEADERS = "content-type;host;x-amz-date";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int DATE_LENGTH = 8;

    private final String region;
    private final String service;
    private final String host;
    private final Mac mac;
    private final MessageDigest sha256;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedAmzDate;

    /** The headers to send: {@code X-Amz-Date}, {@code Authorization} and {@code Content-Type} lines. */
    public record Signed(String[] headerLines) {
    }

    /**
     * @param region e.g. us-east-1
     * @param service e.g. sts
     * @param host the Host header value
     */
    public SigV4Signer(String region, String service, String host) {
        this.region = region;
        this.service = service;
        this.host = host;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param now the signing time
     * @return its {@code X-Amz-Date} value
     */
    public String amzDate(Instant now) {
        long s = now.getEpochSecond();
        if (s != cachedSecond) {
            cachedSecond = s;
            cachedAmzDate = AMZ_DATE.format(now);
        }
        return cachedAmzDate;
    }

    /**
     * Derives the signing key for a secret and day: HMAC chain over date, region, service, "aws4_request".
     *
     * @param secretAccessKey the secret
     * @param amzDate an {@code X-Amz-Date} value (its day is used)
     * @return the 32-byte signing key
     */
    public byte[] signingKey(String secretAccessKey, String amzDate) {
        byte[] k = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), amzDate.substring(0, DATE_LENGTH));
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    /**
     * Signs one request.
     *
     * @param accessKeyId the key id
     * @param signingKey from {@link #signingKey} for the same day as {@code amzDate}
     * @param amzDate the request time
     * @param body the form body
     * @return the header lines to send
     */
    public Signed sign(String accessKeyId, byte[] signingKey, String amzDate, byte[] body) {
        String scope = amzDate.substring(0, DATE_LENGTH) + "/" + region + "/" + service + "/aws4_request";
        String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host + "\nx-amz-date:" + amzDate
                + "\n\n" + SIGNED_HEADERS + "\n" + hex(sha256.digest(body));
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = hex(hmac(signingKey, toSign));
        return new Signed(new String[] {
            "Content-Type: " + CONTENT_TYPE,
            "X-Amz-Date: " + amzDate,
            "Authorization: " + ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                    + SIGNED_HEADERS + ", Signature=" + signature});
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }
}

package dev.ykmfa.conformance.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The oracle itself against RFC 6238 Appendix B, so a wrong oracle cannot make the key look right. */
class Rfc6238Test {
    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void oracle_matchesRfc6238AppendixB(long time, String sha1, String sha256, String sha512) {
        assertEquals(sha1, Rfc6238.totp("HmacSHA1", SEED20, time, 30, 8));
        assertEquals(sha256, Rfc6238.totp("HmacSHA256", SEED32, time, 30, 8));
        assertEquals(sha512, Rfc6238.totp("HmacSHA512", SEED64, time, 30, 8));
    }
}

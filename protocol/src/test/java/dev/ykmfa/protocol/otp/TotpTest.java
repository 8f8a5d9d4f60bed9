package dev.ykmfa.protocol.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static final String SEED_SHA1 = "12345678901234567890";
    private static final String SEED_SHA256 = "12345678901234567890123456789012";
    private static final String SEED_SHA512 = "1234567890".repeat(6) + "1234";

    @ParameterizedTest(name = "t={0}")
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void generate_matchesRfc6238AppendixB(long unixTime, String sha1, String sha256, String sha512) {
        Instant t = Instant.ofEpochSecond(unixTime);
        assertEquals(sha1, totp(SEED_SHA1, HashAlgorithm.SHA1).generateString(t));
        assertEquals(sha256, totp(SEED_SHA256, HashAlgorithm.SHA256).generateString(t));
        assertEquals(sha512, totp(SEED_SHA512, HashAlgorithm.SHA512).generateString(t));
    }

    @Test
    void verify_reportsTheStepThatMatched() {
        Totp t = totp(SEED_SHA1, HashAlgorithm.SHA1);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = t.timeStep(now);
        String previous = t.generateStringAtStep(step - 1);
        assertEquals(OptionalLong.of(step - 1), t.verify(previous, now, 1));
        assertTrue(t.verify(previous, now, 0).isEmpty());
        assertTrue(t.verify(t.generateStringAtStep(step + 2), now, 1).isEmpty());
    }

    private static Totp totp(String seed, HashAlgorithm algorithm) {
        return Totp.builder(seed.getBytes(US_ASCII)).algorithm(algorithm).digits(8).build();
    }
}

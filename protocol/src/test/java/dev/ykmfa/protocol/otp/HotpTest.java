package dev.ykmfa.protocol.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HotpTest {
    private static final byte[] RFC4226_KEY = "12345678901234567890".getBytes(US_ASCII);

    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
    void generate_matchesRfc4226AppendixD(long counter, String expected) {
        assertEquals(expected, Hotp.of(HashAlgorithm.SHA1, RFC4226_KEY, 6).generateString(counter));
    }

    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({"0, 84755224", "1, 94287082", "2, 37359152", "7, 82162583", "9, 45520489"})
    void generate_eightDigits_keepsLowOrderDigits(long counter, String expected) {
        assertEquals(expected, Hotp.of(HashAlgorithm.SHA1, RFC4226_KEY, 8).generateString(counter));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 9, 10})
    void of_rejectsDigitsOutsideSixToEight(int digits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hotp.of(HashAlgorithm.SHA1, RFC4226_KEY, digits));
        assertEquals("an OTP has 6, 7 or 8 digits, not " + digits + ": choose a value from 6 to 8", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void verify_reportsMatchingCounterWithinLookAhead() {
        Hotp hotp = Hotp.of(HashAlgorithm.SHA1, RFC4226_KEY, 6);
        assertEquals(3, hotp.verify("969429", 1, 3));
        assertEquals(-1, hotp.verify("969429", 0, 2));
        assertEquals(-1, hotp.verify("96942", 3, 0));
    }

    @org.junit.jupiter.api.Test
    void verify_refusesNonAsciiDigitLookalikes() {
        Hotp hotp = Hotp.of(HashAlgorithm.SHA1, RFC4226_KEY, 6);
        // U+0139 narrows to the byte 0x39 ('9'): "969429" spelled with such lookalikes must not match
        assertEquals(-1, hotp.verify("96942\u0139", 3, 0));
        assertEquals(-1, hotp.verify("\u0139\u0136\u0139\u0134\u0132\u0139", 3, 0));
        assertEquals(3, hotp.verify("969429", 3, 0));
    }
}

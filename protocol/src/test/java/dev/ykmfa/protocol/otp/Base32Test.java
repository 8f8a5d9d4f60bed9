package dev.ykmfa.protocol.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {
    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource({"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=",
        "fooba, MZXW6YTB", "foobar, MZXW6YTBOI======"})
    void encodeAndDecode_matchRfc4648Section10(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(plain.getBytes(US_ASCII)));
        assertArrayEquals(plain.getBytes(US_ASCII), Base32.decode(encoded));
    }

    @Test
    void decode_forgivesCaseSpacesHyphensAndMissingPadding() {
        assertArrayEquals("foobar".getBytes(US_ASCII), Base32.decode("mzxw 6ytb-oi"));
    }

    @Test
    void decode_namesPositionAndCharacterOfInvalidInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW1YTB"));
        assertEquals("invalid Base32 at position 5: '1'; Base32 uses only the letters A-Z and the digits 2-7",
                e.getMessage());
    }
}

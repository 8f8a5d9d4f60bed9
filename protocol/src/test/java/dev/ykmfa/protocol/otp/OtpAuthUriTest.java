package dev.ykmfa.protocol.otp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

    @Test
    void parse_readsLabelParametersAndDefaults() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co");
        assertEquals(OtpAuthUri.Type.TOTP, uri.type());
        assertEquals("ACME Co", uri.issuer());
        assertEquals("john.doe@email.com", uri.account());
        assertArrayEquals(Base32.decode("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"), uri.secret());
        assertEquals(HashAlgorithm.SHA1, uri.algorithm());
        assertEquals(6, uri.digits());
        assertEquals(30, uri.period());
        assertEquals(0, uri.counter());
    }

    @Test
    void parse_ykmanExample_issuerParameterOverridesLabel() {
        OtpAuthUri uri = OtpAuthUri.parse(
                "otpauth://hotp/TestA:account?secret=abba&issuer=TestB&algorithm=SHA256&digits=7&period=20&counter=5");
        assertEquals("TestB", uri.issuer());
        assertEquals(OtpAuthUri.Type.HOTP, uri.type());
        assertArrayEquals(new byte[] {0x00, 0x42}, uri.secret());
        assertEquals(HashAlgorithm.SHA256, uri.algorithm());
        assertEquals(7, uri.digits());
        assertEquals(20, uri.period());
        assertEquals(5, uri.counter());
    }

    @Test
    void parse_encodedColonAndPlusInQuery() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/AWS%3Aarn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"
                + "?secret=JBSWY3DPEHPK3PXP");
        assertEquals("AWS", uri.issuer());
        assertEquals("arn:aws:iam::123456789012:mfa/alice", uri.account());
        assertEquals("A B", OtpAuthUri.parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=A+B").issuer());
        assertNull(OtpAuthUri.parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP").issuer());
    }

    @Test
    void parse_missingSecret_saysSoWithoutEchoingTheUri() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/Issuer:acct?issuer=Issuer"));
        assertTrue(e.getMessage().contains("no secret="), e.getMessage());
    }

    @Test
    void parse_unknownAlgorithm_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5"));
        assertEquals("unknown algorithm 'MD5' in the otpauth URI: use SHA1, SHA256 or SHA512", e.getMessage());
    }

    @Test
    void parse_badDigits_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=10"));
        assertTrue(e.getMessage().contains("digits=10"), e.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six"));
        assertTrue(nan.getMessage().contains("digits='six'"), nan.getMessage());
    }

    @Test
    void parse_badSecret_namesPositionButNotTheSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/a?secret=JBSWY3DP1HPK3PXP"));
        assertTrue(e.getMessage().contains("position 9"), e.getMessage());
        assertFalse(e.getMessage().contains("JBSWY3DP"), e.getMessage());
    }

    @Test
    void parse_wrongSchemeOrType_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse("https://example.com/?secret=AA"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://motp/a?secret=JBSWY3DPEHPK3PXP"));
        assertTrue(e.getMessage().contains("'motp'"), e.getMessage());
    }

    @Test
    void format_thenParse_roundTrips() {
        OtpAuthUri uri = OtpAuthUri.builder(OtpAuthUri.Type.TOTP, "arn:aws-cn:iam::123456789012:mfa/Zoë Smith",
                "12345678901234567890".getBytes(StandardCharsets.US_ASCII)).issuer("Amazon Web Services")
                .algorithm(HashAlgorithm.SHA512).digits(8).period(60).build();
        String text = uri.format();
        assertTrue(text.startsWith("otpauth://totp/Amazon%20Web%20Services:arn%3Aaws-cn%3Aiam%3A%3A123456789012%3Amfa%2FZo%C3%AB%20Smith?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&"), text);
        OtpAuthUri back = OtpAuthUri.parse(text);
        assertEquals(uri.toString(), back.toString());
        assertArrayEquals(uri.secret(), back.secret());
    }

    @Test
    void toString_hidesTheSecret() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP");
        assertFalse(uri.toString().contains("JBSWY3DPEHPK3PXP"));
    }
}

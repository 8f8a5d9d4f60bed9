package dev.ykmfa.protocol.ykoath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ykman's credential-id cases (spec §6.1–6.3). */
class CredentialIdTest {

    @ParameterizedTest(name = "({0}, {1}, {2}) -> {3}")
    @CsvSource(nullValues = "null", value = {
        "null, name, 30, name",
        "Issuer, name, 30, Issuer:name",
        "Issuer, name, 20, 20/Issuer:name",
        "null, name, 20, 20/name",
        "'', name, 30, name"})
    void format_matchesYkman(String issuer, String name, int period, String expected) {
        assertEquals(expected, new String(CredentialId.of(issuer, name, OathType.TOTP, period).toBytes(),
                StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> ({1}, {2}, {3})")
    @CsvSource(nullValues = "null", value = {
        "20/Issuer:name, Issuer, name, 20",
        "weird/Issuer:name, weird/Issuer, name, 30",
        "20/name, null, name, 20",
        "name, null, name, 30",
        "a:b:c, a, b:c, 30",
        "123/abc, null, abc, 123",
        "':name', null, ':name', 30",
        "0/x, null, 0/x, 30",
        "99999999999/x, null, 99999999999/x, 30",
        "AWS:arn:aws-us-gov:iam::123456789012:mfa/JohnDoe, AWS, arn:aws-us-gov:iam::123456789012:mfa/JohnDoe, 30"})
    void parseTotp_matchesYkman(String id, String issuer, String name, int period) {
        CredentialId parsed = CredentialId.parse(id.getBytes(StandardCharsets.UTF_8), OathType.TOTP);
        assertEquals(issuer, parsed.issuer());
        assertEquals(name, parsed.name());
        assertEquals(period, parsed.period());
    }

    @Test
    void parseHotp_splitsAtFirstColon_hasPeriodZero_andNoPeriodPrefix() {
        CredentialId id = CredentialId.parse("60/Issuer:name:x", OathType.HOTP);
        assertEquals("60/Issuer", id.issuer());
        assertEquals("name:x", id.name());
        assertEquals(0, id.period());
        CredentialId leading = CredentialId.parse(":name", OathType.HOTP);
        assertNull(leading.issuer());
        assertEquals(":name", leading.name());
        assertEquals("hotp-cred", new String(CredentialId.of(null, "hotp-cred", OathType.HOTP, 60).toBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void toBytes_refusesIdsOver64Utf8Bytes_countingPrefixAndIssuer() {
        CredentialId fits = CredentialId.of("Issuer", "n".repeat(64 - "60/Issuer:".length()), OathType.TOTP, 60);
        assertEquals(64, fits.toBytes().length);
        CredentialId tooLong = CredentialId.of("Issuer", "é".repeat(28), OathType.TOTP, 60);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tooLong::toBytes);
        assertTrue(e.getMessage().contains("66 bytes") && e.getMessage().contains("at most 64"), e.getMessage());
    }

    @Test
    void of_rejectsEmptyNameAndNonPositiveTotpPeriod() {
        assertThrows(IllegalArgumentException.class, () -> CredentialId.of("I", "", OathType.TOTP, 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CredentialId.of("I", "n", OathType.TOTP, 0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void displayName_isIssuerColonNameWithoutPeriod() {
        assertEquals("Sixty:p60", CredentialId.of("Sixty", "p60", OathType.TOTP, 60).displayName());
        assertEquals("p60", CredentialId.of(null, "p60", OathType.TOTP, 60).displayName());
    }
}

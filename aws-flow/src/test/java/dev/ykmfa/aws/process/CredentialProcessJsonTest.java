package dev.ykmfa.aws.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialProcessJsonTest {
    private static final SessionCredentials CREDS = SessionCredentials.of("ASIAEXAMPLE", "se\"cr\\et/+",
            "token\nwith-newline", Instant.parse("2026-11-24T06:00:00.123Z"));

    @Test
    void format_writesVersion1AndSecondPrecisionIso8601() {
        assertEquals("{\"Version\": 1, \"AccessKeyId\": \"ASIAEXAMPLE\", \"SecretAccessKey\": \"se\\\"cr\\\\et/+\", "
                + "\"SessionToken\": \"token\\nwith-newline\", \"Expiration\": \"2026-11-24T06:00:00Z\"}",
                CredentialProcessJson.format(CREDS));
    }

    @Test
    void parse_readsWhatFormatWrote() {
        SessionCredentials back = CredentialProcessJson.parse(CredentialProcessJson.format(CREDS));
        assertEquals(SessionCredentials.of("ASIAEXAMPLE", "se\"cr\\et/+", "token\nwith-newline",
                Instant.parse("2026-11-24T06:00:00Z")), back);
    }

    @Test
    void format_longTermKeys_omitTokenAndExpiration() {
        String json = CredentialProcessJson.format(SessionCredentials.of("AKIA", "s", null, null));
        assertFalse(json.contains("SessionToken"));
        assertFalse(json.contains("Expiration"));
    }

    @Test
    void parse_rejectsOtherVersionsAndMissingKeys_withoutQuotingSecrets() {
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () ->
                CredentialProcessJson.parse("{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"zz\"}"));
        assertTrue(version.getMessage().contains("Version"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () ->
                CredentialProcessJson.parse("{\"Version\": 1, \"AccessKeyId\": \"A\"}"));
        assertTrue(missing.getMessage().contains("SecretAccessKey"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () ->
                CredentialProcessJson.parse("{\"Version\": 1, \"SecretAccessKey\": \"topsecret\""));
        assertFalse(broken.getMessage().contains("topsecret"));
    }

    @Test
    void toString_hidesSecretAndToken() {
        assertFalse(CREDS.toString().contains("se\"cr"));
        assertFalse(CREDS.toString().contains("with-newline"));
        assertTrue(CREDS.toString().contains("ASIAEXAMPLE"));
    }
}

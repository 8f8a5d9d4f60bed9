package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class YubiKeyMfaCodeSourceTest {
    private static final String MFA = "arn:aws:iam::123456789012:mfa/JohnDoe";
    private static final Instant T = Instant.parse("2026-11-24T05:00:00Z");

    private final List<String> notices = new ArrayList<>();
    private final UserInteraction recording = new UserInteraction() {
        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public Optional<char[]> promptSecret(String prompt) {
            return Optional.empty();
        }
    };

    @Test
    void code_forATouchCredential_promptsThenReturnsTheTotpCode() {
        AtomicInteger touches = new AtomicInteger();
        try (SimulatedYubiKey sim = SimulatedYubiKey.builder().touchPolicy(() -> {
            touches.incrementAndGet();
            return true;
        }).build(); OathSession key = OathSession.open(sim)) {
            key.put(CredentialData.builder(CredentialId.of(null, MFA, OathType.TOTP, 30), TotpCodes.SEED)
                    .touch(true).build());
            YubiKeyMfaCodeSource source = YubiKeyMfaCodeSource.builder().oathSession(key).interaction(recording)
                    .build();

            assertEquals(Totp.builder(TotpCodes.SEED).build().generateString(T), source.code(MFA, T));
            assertEquals(Totp.builder(TotpCodes.SEED).build().generateString(T.plusSeconds(30)),
                    source.code(MFA, T.plusSeconds(30)));

            assertEquals(List.of(YubiKeyMfaCodeSource.TOUCH_PROMPT, YubiKeyMfaCodeSource.TOUCH_PROMPT), notices);
            assertEquals(2, touches.get());
        }
    }

    @Test
    void code_withoutTouch_promptsNothing_andExplicitNamesWork() {
        try (SimulatedYubiKey sim = SimulatedYubiKey.create(); OathSession key = OathSession.open(sim)) {
            key.put(CredentialData.builder(CredentialId.of(null, "aws:JohnDoe", OathType.TOTP, 30), TotpCodes.SEED)
                    .build());
            YubiKeyMfaCodeSource source = YubiKeyMfaCodeSource.builder().oathSession(key).interaction(recording)
                    .credentialName("aws:JohnDoe").build();

            assertEquals(Totp.builder(TotpCodes.SEED).build().generateString(T), source.code(MFA, T));
            assertTrue(notices.isEmpty());
        }
    }

    @Test
    void code_whenTheKeyLacksTheCredential_saysToEnroll() {
        try (SimulatedYubiKey sim = SimulatedYubiKey.create(); OathSession key = OathSession.open(sim)) {
            AwsFlowException e = assertThrows(AwsFlowException.class, () -> YubiKeyMfaCodeSource.builder()
                    .oathSession(key).interaction(recording).build().code(MFA, T));
            assertTrue(e.getMessage().contains("enroll"), e.getMessage());
        }
    }
}

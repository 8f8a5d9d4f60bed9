package dev.ykmfa.sim;

import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.Hotp;
import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.AuthenticationRequiredException;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.NoSuchCredentialException;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import dev.ykmfa.protocol.ykoath.WrongPasswordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One end-to-end YKOATH scenario through protocol's {@link OathSession}, run over every way of reaching the
 * simulated key: directly, through an in-process javax.smartcardio terminal, and through pcscd + vpcd.
 */
final class OathSessionScenario {
    private OathSessionScenario() {
    }

    static void run(Supplier<ApduTransport> connect) {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        Instant now = Instant.ofEpochSecond(1_111_111_109L);
        CredentialId totp = CredentialId.of("AWS", "arn:aws:iam::123456789012:mfa/alice", OathType.TOTP, 30);
        CredentialId sixty = CredentialId.of("Sixty", "p60", OathType.TOTP, 60);
        CredentialId hotp = CredentialId.of(null, "counter", OathType.HOTP, CredentialId.NO_PERIOD);
        try (OathSession s = OathSession.open(connect.get())) {
            s.reset();
            assertFalse(s.isLocked());
            assertEquals("5.4.3", s.info().version());
            s.put(CredentialData.builder(totp, seed).digits(8).build());
            s.put(CredentialData.builder(sixty, seed).algorithm(HashAlgorithm.SHA256).build());
            s.put(CredentialData.builder(hotp, seed).build());
            for (int i = 0; i < 40; i++) {
                s.put(CredentialData.builder(CredentialId.of("Bulk", "filler-credential-" + i, OathType.TOTP, 30),
                        seed).build());
            }
        } catch (dev.ykmfa.protocol.ykoath.NoSpaceException full) {
            // capacity 32: the fillers stop at the limit, which is itself part of the scenario
            assertNotNull(full.getMessage());
        }
        try (OathSession s = OathSession.open(connect.get())) {
            List<dev.ykmfa.protocol.ykoath.Credential> list = s.list();
            assertEquals(32, list.size(), "the key holds exactly 32 credentials");
            assertEquals(Totp.builder(seed).digits(8).build().generateString(now), s.calculate(totp, now).value());
            assertEquals(Hotp.of(HashAlgorithm.SHA1, seed, 6).generateString(0), s.calculate(hotp, now).value());
            List<CalculateAllEntry> all = s.calculateAll(now);
            assertEquals(32, all.size());
            CalculateAllEntry e60 = all.stream().filter(e -> e.id().equals(sixty)).findFirst().orElseThrow();
            assertEquals(Totp.builder(seed).algorithm(HashAlgorithm.SHA256)
                            .period(java.time.Duration.ofSeconds(60)).build().generateString(now),
                    e60.code().orElseThrow().value());
            assertTrue(all.stream().filter(e -> e.id().equals(hotp)).findFirst().orElseThrow().hotp());
            s.delete(hotp);
            assertThrows(NoSuchCredentialException.class, () -> s.calculate(hotp, now));
            s.setPassword("s3cret".toCharArray());
        }
        try (OathSession s = OathSession.open(connect.get())) {
            assertTrue(s.isLocked());
            assertThrows(AuthenticationRequiredException.class, s::list);
            assertThrows(WrongPasswordException.class, () -> s.validate("wrong".toCharArray()));
        }
        try (OathSession s = OathSession.open(connect.get())) {
            s.validate("s3cret".toCharArray());
            assertEquals(31, s.list().size());
            s.unsetPassword();
            s.reset();
            assertEquals(List.of(), s.list());
        }
    }
}

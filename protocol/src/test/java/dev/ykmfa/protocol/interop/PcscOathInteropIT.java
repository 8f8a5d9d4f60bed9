package dev.ykmfa.protocol.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.transport.PcscTransport;
import dev.ykmfa.protocol.transport.TransportException;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OathSession through the real PC/SC stack (pcscd, and vpcd for the simulated key) against whatever key sits in the
 * reader named by {@code -Dykmfa.reader}. Creates, reads and deletes only credentials with the issuer
 * {@code ykmfa-it}; a protected applet needs {@code -Dykmfa.oath.password}.
 */
class PcscOathInteropIT {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void putCalculateListDelete_throughPcsc_agreeWithHostTotp() {
        String reader = System.getProperty("ykmfa.reader", "").strip();
        assumeTrue(!reader.isEmpty(), "set -Dykmfa.reader=NAME (e.g. \"Virtual PCD 00 00\") to run against a PC/SC key");
        List<String> readers;
        try {
            readers = PcscTransport.readers();
        } catch (TransportException e) {
            assumeTrue(false, "PC/SC is not usable here: " + e.getMessage());
            return;
        }
        assumeTrue(readers.stream().anyMatch(r -> r.toLowerCase().contains(reader.toLowerCase())),
                "no reader matching '" + reader + "' among " + readers);
        try (OathSession oath = OathSession.open(PcscTransport.open(reader, java.time.Duration.ofSeconds(5)))) {
            if (oath.isLocked()) {
                String password = System.getProperty("ykmfa.oath.password", "");
                assumeTrue(!password.isEmpty(), "the applet is password protected: pass -Dykmfa.oath.password");
                oath.validate(password.toCharArray());
            }
            byte[] suffix = new byte[4];
            new SecureRandom().nextBytes(suffix);
            String run = HexFormat.of().formatHex(suffix);
            CredentialId id = CredentialId.totp("ykmfa-it", "pcsc-" + run);
            oath.put(CredentialData.builder(id, SEED).build());
            // enough long ids that LIST and CALCULATE ALL answers exceed one APDU and must chain (61xx + A5)
            List<CredentialId> filler = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CredentialId f = CredentialId.totp("ykmfa-it", "chaining-filler-" + run + "-" + i + "-padding-padding");
                oath.put(CredentialData.builder(f, SEED).build());
                filler.add(f);
            }
            try {
                Instant now = Instant.now();
                Code code = oath.calculate(id, now);
                assertEquals(Totp.builder(SEED).build().generateString(now), code.value());
                assertTrue(oath.list().stream().anyMatch(c -> c.id().equals(id)), "LIST shows the new credential");
                CalculateAllEntry entry = oath.calculateAll(now).stream().filter(e -> e.id().equals(id))
                        .findFirst().orElseThrow();
                assertEquals(code.value(), entry.code().orElseThrow().value());
            } finally {
                oath.delete(id);
                filler.forEach(oath::delete);
            }
            assertFalse(oath.list().stream().anyMatch(c -> c.id().equals(id)), "DELETE removed it");
        }
    }
}

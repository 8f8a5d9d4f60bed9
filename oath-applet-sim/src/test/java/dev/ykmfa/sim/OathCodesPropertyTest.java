package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.Hotp;
import dev.ykmfa.protocol.otp.Totp;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Codes computed by the applet equal protocol's Totp/Hotp for random keys, algorithms, digits and times. */
class OathCodesPropertyTest {
    private static final SimulatedYubiKey KEY = SimulatedYubiKey.create();

    record Secret(HashAlgorithm algorithm, byte[] key) {
    }

    @Provide
    Arbitrary<Secret> secrets() {
        return Arbitraries.of(HashAlgorithm.values()).flatMap(alg -> Arbitraries.bytes().array(byte[].class)
                .ofMinSize(1).ofMaxSize(alg == HashAlgorithm.SHA512 ? 128 : 64)
                .map(k -> new Secret(alg, k)));
    }

    private static int typeAlg(int type, HashAlgorithm alg) {
        return type | (alg.ordinal() + 1);
    }

    @Property(tries = 200)
    void totp_truncatedCode_equalsProtocolTotp(@ForAll("secrets") Secret s, @ForAll @IntRange(min = 6, max = 8) int digits,
                                               @ForAll @LongRange(min = 0, max = 20_000_000_000L) long unixSeconds,
                                               @ForAll("periods") int period) {
        RawOathClient card = new RawOathClient(KEY);
        card.select();
        assertEquals(0x9000, card.put("p", typeAlg(0x20, s.algorithm()), digits, s.key(), false));
        Totp totp = Totp.builder(s.key()).algorithm(s.algorithm()).digits(digits)
                .period(Duration.ofSeconds(period)).build();
        Instant t = Instant.ofEpochSecond(unixSeconds);
        long step = totp.timeStep(t);
        assertEquals(totp.generate(t), OathAppletTest.code(KEY.transmit(calculate("p", step(step), true))));
        byte[] full = KEY.transmit(calculate("p", step(step), false));
        assertEquals(0x9000, sw(full));
        byte[] mac = java.util.Arrays.copyOfRange(full, 3, full.length - 2);
        assertArrayEquals(Hotp.hmac(s.algorithm(), s.key(), step(step)), mac);
    }

    @Provide
    Arbitrary<Integer> periods() {
        return Arbitraries.of(15, 30, 60);
    }

    @Property(tries = 100)
    void hotp_successiveCodes_equalProtocolHotp(@ForAll("secrets") Secret s,
                                                @ForAll @IntRange(min = 6, max = 8) int digits,
                                                @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int imf,
                                                @ForAll @IntRange(min = 1, max = 5) int calls) {
        RawOathClient card = new RawOathClient(KEY);
        card.select();
        byte[] apdu = Apdus.put("h", typeAlg(0x10, s.algorithm()), digits, s.key(), false, imf == 0 ? null : imf);
        assertEquals(0x9000, card.sendSw(apdu));
        Hotp hotp = Hotp.of(s.algorithm(), s.key(), digits);
        for (int i = 0; i < calls; i++) {
            assertEquals(hotp.generate((long) imf + i),
                    OathAppletTest.code(KEY.transmit(calculate("h", new byte[0], true))), "call " + i);
        }
    }

    @Property(tries = 50)
    void hotp_counterCarriesAcrossByteBoundaries(@ForAll @IntRange(min = 0, max = 3) int which) {
        int[] starts = {0xFF, 0xFFFF, 0xFFFFFF, 0x7FFFFFFF};
        int imf = starts[which];
        byte[] k = utf8("12345678901234567890");
        RawOathClient card = new RawOathClient(KEY);
        card.select();
        assertEquals(0x9000, card.sendSw(Apdus.put("c", 0x11, 8, k, false, imf)));
        Hotp hotp = Hotp.of(HashAlgorithm.SHA1, k, 8);
        for (int i = 0; i < 3; i++) {
            assertEquals(hotp.generate(((long) imf + i) & 0xFFFFFFFFL),
                    OathAppletTest.code(KEY.transmit(calculate("c", new byte[0], true))));
        }
    }
}

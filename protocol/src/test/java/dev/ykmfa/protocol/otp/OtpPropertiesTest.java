package dev.ykmfa.protocol.otp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Properties of Base32 and TOTP, the latter against an independent oracle on Bouncy Castle's HMac. */
class OtpPropertiesTest {

    @Property(tries = 500)
    void base32_roundTripsAnyBytes_withAndWithoutPadding(@ForAll @Size(max = 200) byte[] data) {
        assertArrayEquals(data, Base32.decode(Base32.encode(data)));
        assertArrayEquals(data, Base32.decode(Base32.encode(data, false)));
        assertArrayEquals(data, Base32.decode(Base32.encode(data, false).toLowerCase()));
    }

    @Property(tries = 400)
    void totp_equalsBouncyCastleOracle(
            @ForAll @Size(max = 128) byte[] key,
            @ForAll @LongRange(min = 0, max = 40_000_000_000L) long unixSeconds,
            @ForAll @IntRange(min = 6, max = 8) int digits,
            @ForAll HashAlgorithm algorithm,
            @ForAll @IntRange(min = 1, max = 300) int periodSeconds,
            @ForAll @LongRange(min = 0, max = 1_000_000) long t0Seconds) {
        Totp totp = Totp.builder(key).algorithm(algorithm).digits(digits)
                .period(Duration.ofSeconds(periodSeconds)).t0(Instant.ofEpochSecond(t0Seconds)).build();
        Instant time = Instant.ofEpochSecond(unixSeconds);
        long step = Math.floorDiv(unixSeconds - t0Seconds, periodSeconds);
        assertEquals(oracle(algorithm, key, step, digits), totp.generateString(time));
        assertEquals(step, totp.timeStep(time));
    }

    /** RFC 4226 §5.3 written out with Bouncy Castle primitives, sharing no code with Hotp. */
    private static String oracle(HashAlgorithm algorithm, byte[] key, long counter, int digits) {
        Digest digest = algorithm == HashAlgorithm.SHA1 ? new SHA1Digest()
                : algorithm == HashAlgorithm.SHA256 ? new SHA256Digest() : new SHA512Digest();
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        byte[] message = ByteBuffer.allocate(8).putLong(counter).array();
        mac.update(message, 0, message.length);
        byte[] h = new byte[mac.getMacSize()];
        mac.doFinal(h, 0);
        int offset = h[h.length - 1] & 0xf;
        long binary = ((h[offset] & 0x7fL) << 24) | ((h[offset + 1] & 0xffL) << 16) | ((h[offset + 2] & 0xffL) << 8)
                | (h[offset + 3] & 0xffL);
        long code = binary % (long) Math.pow(10, digits);
        return String.format("%0" + digits + "d", code);
    }

    @Property(tries = 200)
    void verify_acceptsExactlyTheStepsInsideTheWindow(
            @ForAll @Size(min = 1, max = 64) byte[] key,
            @ForAll @LongRange(min = 100, max = 4_000_000_000L) long unixSeconds,
            @ForAll @IntRange(min = 0, max = 3) int window,
            @ForAll @IntRange(min = -6, max = 6) int offset) {
        Totp totp = Totp.builder(key).digits(8).build();
        Instant now = Instant.ofEpochSecond(unixSeconds);
        long step = totp.timeStep(now);
        String code = totp.generateStringAtStep(step + offset);
        OptionalLong matched = totp.verify(code, now, window);
        if (Math.abs(offset) <= window) {
            assertEquals(OptionalLong.of(firstStepWithCode(totp, code, step - window, step + offset)), matched);
        } else {
            // Outside the window the code may only match by an 8-digit coincidence with a step inside it.
            long coincidence = firstStepWithCode(totp, code, step - window, step + window);
            assertEquals(coincidence == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(coincidence), matched);
        }
    }

    private static long firstStepWithCode(Totp totp, String code, long from, long to) {
        for (long s = from; s <= to; s++) {
            if (totp.generateStringAtStep(s).equals(code)) {
                return s;
            }
        }
        return Long.MIN_VALUE;
    }
}

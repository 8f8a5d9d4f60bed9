package dev.ykmfa.conformance.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ykmfa.conformance.Needs;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathType;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The key's codes equal RFC 6238 for random secrets, algorithms, digit counts, periods and times. Time reaches the key
 * only through the challenge (the host sends the time step), so any instant can be tested without waiting. One
 * credential under the suite's prefix is overwritten per try and deleted afterwards.
 */
class CodePropertiesIT {
    private static final long MAX_EPOCH_SECOND = 1L << 34;

    @Property(tries = 100)
    @Needs
    void calculate_equalsRfc6238_forRandomSecretsAlgorithmsDigitsPeriodsAndTimes(
            @ForAll @Size(min = 1, max = 64) byte[] secret,
            @ForAll HashAlgorithm algorithm,
            @ForAll @IntRange(min = 6, max = 8) int digits,
            @ForAll("periods") int period,
            @ForAll @LongRange(min = 0, max = MAX_EPOCH_SECOND) long epochSecond) {
        KeyUnderTest key = Suite.key();
        try (Scratch s = new Scratch(key)) {
            CredentialId id = s.id("code-property", OathType.TOTP, period);
            s.session().put(CredentialData.builder(id, secret).algorithm(algorithm).digits(digits).build());
            Instant time = Instant.ofEpochSecond(epochSecond);

            Code code = s.session().calculate(id, time);

            assertEquals(Rfc6238.totp(algorithm.macName(), secret, epochSecond, period, digits), code.value());
            long step = Math.floorDiv(epochSecond, period);
            assertEquals(step * period, code.validFrom().getEpochSecond());
            byte[] challenge = Rfc6238.movingFactor(step);
            assertArrayEquals(Rfc6238.hmac(algorithm.macName(), secret, challenge),
                    s.session().calculateFull(id, challenge), "CALCULATE with P2=00 is the full HMAC");
        }
    }

    @Property(tries = 40)
    @Needs
    void hotp_equalsRfc4226_fromAnyInitialCounter(
            @ForAll @Size(min = 1, max = 64) byte[] secret,
            @ForAll HashAlgorithm algorithm,
            @ForAll @IntRange(min = 6, max = 8) int digits,
            @ForAll @IntRange(min = 0, max = 1_000_000) int counter) {
        KeyUnderTest key = Suite.key();
        try (Scratch s = new Scratch(key)) {
            CredentialId id = s.id("hotp-property", OathType.HOTP, 0);
            s.session().put(CredentialData.builder(id, secret).algorithm(algorithm).digits(digits).counter(counter)
                    .build());
            for (int i = 0; i < 3; i++) {
                assertEquals(Rfc6238.hotp(algorithm.macName(), secret, counter + i, digits),
                        s.session().calculate(id, Instant.EPOCH).value(), "counter " + (counter + i));
            }
        }
    }

    @Provide
    Arbitrary<Integer> periods() {
        return Arbitraries.of(15, 30, 60, 90);
    }

    @AfterProperty
    void noCredentialLeftBehind() {
        Suite.Result<KeyUnderTest> key = Suite.keyResult();
        if (key.value() != null) {
            new Scratch(key.value()).close();
        }
    }
}

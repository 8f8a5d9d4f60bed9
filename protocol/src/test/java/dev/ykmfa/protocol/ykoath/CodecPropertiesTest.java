package dev.ykmfa.protocol.ykoath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the card-independent codec: TLV and credential ids. */
class CodecPropertiesTest {

    @Property(tries = 300)
    void tlv_roundTripsAnySequenceOfItems(@ForAll("tlvLists") List<Tlv> items) {
        byte[] encoded = Tlv.encodeAll(items);
        assertEquals(items, Tlv.decodeAll(encoded));
        int expectedLength = 0;
        for (Tlv t : items) {
            int n = t.length();
            expectedLength += 1 + (n <= 0x7F ? 1 : n <= 0xFF ? 2 : 3) + n;
        }
        assertEquals(expectedLength, encoded.length, "shortest length form (1 byte, 81 nn, 82 nn nn)");
    }

    @Provide
    Arbitrary<List<Tlv>> tlvLists() {
        Arbitrary<Integer> tags = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 130)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(250, 300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2000)));
        Arbitrary<byte[]> values = sizes.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        return Combinators.combine(tags, values).as(Tlv::of).list().ofMaxSize(5);
    }

    @Property(tries = 500)
    void credentialId_formatThenParse_givesTheSameId(@ForAll("ids") CredentialId id) {
        byte[] bytes;
        try {
            bytes = id.toBytes();
        } catch (IllegalArgumentException tooLong) {
            Assume.that(false);
            return;
        }
        assertEquals(id, CredentialId.parse(bytes, id.type()));
        assertArrayEquals(bytes, CredentialId.parse(bytes, id.type()).toBytes());
    }

    @Property(tries = 300)
    void credentialId_longerThan64Bytes_isRefused(@ForAll("ids") CredentialId id) {
        int length = id.formatted().getBytes(StandardCharsets.UTF_8).length;
        if (length > OathConstants.MAX_ID_LENGTH) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    id::toBytes);
            assertEquals(true, e.getMessage().contains(length + " bytes"), e.getMessage());
        } else {
            assertEquals(length, id.toBytes().length);
        }
    }

    /**
     * Ids whose text is unambiguous under ykman's rules: the issuer has no ':' (else the split moves); without an
     * issuer the name has no ':'; a default-period id does not start with "digits/" (else it reads as a period).
     */
    @Provide
    Arbitrary<CredentialId> ids() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019 :/-_.@éß€").ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMinLength(1).ofMaxLength(20),
                arns());
        Arbitrary<String> issuers = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of("Amazon Web Services", "AWS", "Steam", "_hidden", "weird/Issuer", "12/x"),
                Arbitraries.strings().withChars("abcXYZ019 /-_.é").ofMinLength(1).ofMaxLength(20));
        Arbitrary<Integer> periods = Arbitraries.oneOf(Arbitraries.just(30), Arbitraries.of(15, 20, 60, 90),
                Arbitraries.integers().between(1, 100_000));
        Arbitrary<OathType> types = Arbitraries.of(OathType.class);
        return Combinators.combine(issuers, text, periods, types).as((issuer, name, period, type) -> {
            CredentialId id = CredentialId.of(issuer, name, type, period);
            return unambiguous(id) ? id : null;
        }).filter(java.util.Objects::nonNull);
    }

    private static boolean unambiguous(CredentialId id) {
        if (id.issuer() != null && id.issuer().contains(":")) {
            return false;
        }
        if (id.issuer() == null && id.name().indexOf(':') > 0) {
            return false;
        }
        return !(id.type() == OathType.TOTP && id.period() == OathConstants.DEFAULT_PERIOD
                && id.formatted().matches("(?s)^\\d+/.+"));
    }

    static Arbitrary<String> arns() {
        Arbitrary<String> partitions = Arbitraries.of("aws", "aws-cn", "aws-us-gov");
        Arbitrary<String> accounts = Arbitraries.strings().numeric().ofLength(12);
        Arbitrary<String> users = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABC0123456789+=,.@_-")
                .ofMinLength(1).ofMaxLength(24);
        return Combinators.combine(partitions, accounts, users)
                .as((p, a, u) -> "arn:" + p + ":iam::" + a + ":mfa/" + u);
    }

    @Property(tries = 200)
    void awsMfaArn_asNameUnderAnIssuer_roundTrips(@ForAll("arnIds") CredentialId id) {
        assertEquals(id, CredentialId.parse(id.toBytes(), OathType.TOTP));
    }

    @Provide
    Arbitrary<CredentialId> arnIds() {
        return Combinators.combine(Arbitraries.of("AWS", "Amazon", "aws-us-gov"), arns(),
                Arbitraries.of(30, 60)).as((i, arn, p) -> CredentialId.of(i, arn, OathType.TOTP, p))
                .filter(id -> id.formatted().getBytes(StandardCharsets.UTF_8).length <= OathConstants.MAX_ID_LENGTH);
    }

    @Property(tries = 100)
    void putCommand_keyIsShapedToBetween14BytesAndTheBlockSize(
            @ForAll @Size(max = 200) byte[] secret, @ForAll @IntRange(min = 0, max = 2) int algorithmIndex) {
        Assume.that(secret.length > 0);
        dev.ykmfa.protocol.otp.HashAlgorithm algorithm = dev.ykmfa.protocol.otp.HashAlgorithm.values()[algorithmIndex];
        byte[] shaped = CredentialData.shapeKey(algorithm, secret);
        List<Integer> bounds = new ArrayList<>(List.of(OathConstants.MIN_KEY_LENGTH, algorithm.blockSize()));
        org.junit.jupiter.api.Assertions.assertTrue(shaped.length >= bounds.get(0) && shaped.length <= bounds.get(1),
                shaped.length + " bytes");
        assertArrayEquals(dev.ykmfa.protocol.otp.Hotp.hmac(algorithm, secret, new byte[8]),
                dev.ykmfa.protocol.otp.Hotp.hmac(algorithm, shaped, new byte[8]), "shaping must not change the HMAC");
    }
}

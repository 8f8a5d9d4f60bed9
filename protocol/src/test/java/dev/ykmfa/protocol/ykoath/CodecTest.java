package dev.ykmfa.protocol.ykoath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-level checks of the codec against spec/ykoath.md. */
class CodecTest {

    @Test
    void tlv_usesLongLengthFormsAbove127And255() {
        assertEquals("717F", Hex.hex(Tlv.of(0x71, new byte[127]).encode()).substring(0, 4));
        assertEquals("718180", Hex.hex(Tlv.of(0x71, new byte[128]).encode()).substring(0, 6));
        assertEquals("7181FF", Hex.hex(Tlv.of(0x71, new byte[255]).encode()).substring(0, 6));
        assertEquals("71820100", Hex.hex(Tlv.of(0x71, new byte[256]).encode()).substring(0, 8));
    }

    @Test
    void tlv_decodeRejectsTruncatedAndUnsupportedLengths() {
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> Tlv.decodeAll(Hex.bytes("71 05 0102")));
        assertTrue(truncated.getMessage().contains("tag 71 at offset 0"), truncated.getMessage());
        IllegalArgumentException badForm = assertThrows(IllegalArgumentException.class,
                () -> Tlv.decodeAll(Hex.bytes("71 83 000001 00")));
        assertTrue(badForm.getMessage().contains("length byte 83"), badForm.getMessage());
    }

    @Test
    void tlv_toStringHidesTheValue() {
        assertEquals("Tlv[73, 3 bytes]", Tlv.of(0x73, new byte[] {1, 2, 3}).toString());
    }

    @Test
    void select_calculateAll_list_sendRemaining_reset_haveSpecBytes() {
        assertEquals("00A4040007A0000005272101", Hex.hex(SelectCommand.INSTANCE.toApdu()));
        assertEquals("00A400010A74080000000000000001",
                Hex.hex(new CalculateAllCommand(CalculateCommand.timeStepChallenge(1), true).toApdu()));
        assertEquals("00A1000000", Hex.hex(ListCommand.INSTANCE.toApdu()));
        assertEquals("00A5000000", Hex.hex(SendRemainingCommand.INSTANCE.toApdu()));
        assertEquals("0004DEAD", Hex.hex(ResetCommand.INSTANCE.toApdu()));
        assertEquals("00030000027300", Hex.hex(SetCodeCommand.remove().toApdu()));
    }

    @Test
    void put_sha512_keyLongerThanBlockSize_isHashedFirst() throws Exception {
        byte[] key = new byte[129];
        byte[] apdu = new PutCommand(CredentialData.builder(CredentialId.totp(null, "k"), key)
                .algorithm(HashAlgorithm.SHA512).build()).toApdu();
        byte[] hashed = MessageDigest.getInstance("SHA-512").digest(key);
        assertEquals("00010000" + "47" + "71016B" + "7342" + "2306" + Hex.hex(hashed), Hex.hex(apdu));
    }

    @Test
    void put_sha512_fullBlockSizeKey_isKeptAsIs_andUsesLongLengthForm() {
        byte[] key = new byte[128];
        java.util.Arrays.fill(key, (byte) 0x11);
        byte[] apdu = new PutCommand(CredentialData.builder(CredentialId.totp(null, "k"), key)
                .algorithm(HashAlgorithm.SHA512).digits(7).build()).toApdu();
        assertEquals("00010000" + "88" + "71016B" + "738182" + "2307" + "11".repeat(128), Hex.hex(apdu));
    }

    @Test
    void credentialData_toStringNeverShowsTheSecret() {
        CredentialData d = CredentialData.builder(CredentialId.totp("I", "n"),
                "SUPERSECRET".getBytes(StandardCharsets.US_ASCII)).touch(true).build();
        assertFalse(d.toString().contains("SUPERSECRET"));
        assertFalse(d.toString().contains(Hex.ascii("SUPERSECRET")));
        assertTrue(d.toString().contains("touch"));
    }

    @Test
    void credentialData_rejectsBadDigitsAndEmptySecret() {
        assertThrows(IllegalArgumentException.class,
                () -> CredentialData.builder(CredentialId.totp(null, "n"), new byte[0]).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CredentialData.builder(CredentialId.totp(null, "n"), new byte[20]).digits(9).build());
        assertTrue(e.getMessage().contains("6, 7 or 8"), e.getMessage());
    }

    @Test
    void calculateResponse_fullResponse_appliesDynamicTruncation() {
        CalculateResponse r = CalculateResponse.parse(Hex.bytes("75 15 06 cc93cf18508d94934c64b65d8ba7667fb7cde4b0"));
        assertFalse(r.truncated());
        assertEquals("755224", r.code());
    }

    @Test
    void calculateResponse_eightDigits_reducesTheNeoValue() {
        assertEquals("84755224", CalculateResponse.parse(Hex.bytes("76 05 08 4C93CF18")).code());
    }

    @Test
    void calculateAllResponse_rejectsUnknownTag() {
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> CalculateAllResponse.parse(Hex.bytes("71 01 61 79 01 06")));
        assertTrue(e.getMessage().contains("79"), e.getMessage());
    }

    @Test
    void listResponse_parsesDotNetRealDeviceTranscript() {
        List<Credential> list = ListResponse.parse(Hex.bytes("72 1B 21 " + Hex.ascii("Microsoft:test@outlook.com")
                + " 72 16 12 " + Hex.ascii("Google:test@gmail.com")));
        assertEquals(HashAlgorithm.SHA256, list.get(1).algorithm());
        assertEquals(OathType.HOTP, list.get(1).type());
        assertEquals("Google", list.get(1).id().issuer());
        assertEquals("test@outlook.com", list.get(0).id().name());
    }

    @ParameterizedTest(name = "salt {0} -> {1}")
    @CsvSource({"0000000000000000, r1Vw9aGBC3r3jK9LxwpmDw", "83ce33dedd587696, VeyWBux4DIdAVtGGK00E6A"})
    void deviceId_matchesSpecVectors(String salt, String deviceId) {
        assertEquals(deviceId, OathSelectInfo.deviceId(Hex.bytes(salt)));
    }

    @Test
    void selectInfo_parsesRealDeviceAnswer_andRejectsMissingVersion() {
        OathSelectInfo info = OathSelectInfo.parse(Hex.bytes("79 03 05 02 04 71 08 4B B7 A7 FA D7 AF 40 1B"));
        assertEquals("5.2.4", info.version());
        assertFalse(info.passwordProtected());
        assertFalse(info.isAtLeast(new int[] {5, 3, 0}));
        assertTrue(info.isAtLeast(new int[] {5, 2, 4}));
        assertThrows(MalformedResponseException.class, () -> OathSelectInfo.parse(Hex.bytes("71 08 4BB7A7FAD7AF401B")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0000000000000000, foobar, b07da1e7de87f89a87a2b598eaa2188c",
        "3132333435363738, Hallå världen!, da818e6b2cf0a2d0bf19b3ddd34b83f5",
        "73616c7473616c74, Ťᶒśƫ ᵽĥřӓşḛ, f3dfa78154c810329945fbc4b535e537",
        "83ce33dedd587696, secret123, 75ae1b6c38f279ba7806e38a1cf4bd83"})
    void deriveKey_matchesYkmanPbkdf2Vectors(String salt, String password, String key) {
        assertArrayEquals(Hex.bytes(key), OathPassword.deriveKey(password.toCharArray(), Hex.bytes(salt)));
    }

    @Test
    void deriveKey_refusesEmptyPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OathPassword.deriveKey(new char[0], new byte[8]));
        assertTrue(e.getMessage().contains("unsetPassword()"), e.getMessage());
    }
}

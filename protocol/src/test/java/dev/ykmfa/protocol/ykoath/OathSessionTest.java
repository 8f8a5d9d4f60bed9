package dev.ykmfa.protocol.ykoath;

import static dev.ykmfa.protocol.ykoath.Hex.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.HashAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OathSession against a scripted card: every instruction, chaining, touch, HOTP and the password handshake. */
class OathSessionTest {
    private static final String SELECT = "00 A4 04 00 07 A0 00 00 05 27 21 01";
    private static final String SELECT_NO_PASSWORD = "79 03 05 04 03 71 08 0000000000000000 9000";
    private static final String SALT_PASSWORD_VECTOR = "83ce33dedd587696";
    private static final String SELECT_LOCKED = "79 03 05 04 03 71 08 " + SALT_PASSWORD_VECTOR
            + " 74 08 0ba604a0465f2505 7B 01 21 9000";
    private static final String SELECT_UNLOCKED_VECTOR_SALT = "79 03 05 04 03 71 08 " + SALT_PASSWORD_VECTOR + " 9000";
    private static final String VALIDATE_VECTOR = "00 A3 00 00 20 75 14 77ae3e1fbff306a2543d109439ff10677a51e57c"
            + " 74 08 2092d13840804582";
    private static final String HOST_CHALLENGE = "2092d13840804582";
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);


    private static ScriptedTransport card() {
        return new ScriptedTransport().expect(SELECT, SELECT_NO_PASSWORD);
    }

    @Test
    void open_parsesVersionSaltAndDeviceId() {
        ScriptedTransport card = card();
        OathSession s = OathSession.open(card);
        assertEquals("5.4.3", s.info().version());
        assertEquals("r1Vw9aGBC3r3jK9LxwpmDw", s.info().deviceId());
        assertFalse(s.info().passwordProtected());
        assertFalse(s.isLocked());
        card.assertFinished();
    }

    @Test
    void open_whenOathAbsent_throwsApplicationNotAvailable() {
        ScriptedTransport card = new ScriptedTransport().expect(SELECT, "6A82");
        ApplicationNotAvailableException e = assertThrows(ApplicationNotAvailableException.class,
                () -> OathSession.open(card));
        assertEquals(0x6A82, e.statusWord());
        assertTrue(e.getMessage().contains("no OATH application"), e.getMessage());
    }

    @Test
    void put_sendsSpecVectorForRfcSeed() {
        ScriptedTransport card = card()
                .expect("00 01 00 00 1E 71 04 74657374 73 16 21 08 3132333435363738393031323334353637383930", "9000");
        OathSession s = OathSession.open(card);
        s.put(CredentialData.builder(CredentialId.totp(null, "test"), RFC_SEED).digits(8).build());
        card.assertFinished();
    }

    @Test
    void put_padsShortKeyTo14Bytes_likeYkman() {
        ScriptedTransport card = card().expect("00 01 00 00 1D 71 09 " + ascii("test-name")
                + " 73 10 21 06 0042 000000000000000000000000", "9000");
        OathSession.open(card).put(CredentialData.builder(CredentialId.totp(null, "test-name"),
                Base32.decode("abba")).build());
        card.assertFinished();
    }

    @Test
    void put_touchCredential_writesPropertyWithoutLength() {
        ScriptedTransport card = card().expect("00 01 00 00 23 71 0D " + ascii("Issuer:touchy")
                + " 73 10 21 06 48656C6C6F21DEADBEEF00000000 78 02", "9000");
        OathSession.open(card).put(CredentialData.builder(CredentialId.totp("Issuer", "touchy"),
                Base32.decode("JBSWY3DPEHPK3PXP")).touch(true).build());
        card.assertFinished();
    }

    @Test
    void put_hotpWithCounter_writesBigEndianImf() {
        ScriptedTransport card = card().expect("00 01 00 00 23 71 09 " + ascii("hotp-cred")
                + " 73 10 11 06 0042 000000000000000000000000 7A 04 00000005", "9000");
        OathSession.open(card).put(CredentialData.builder(CredentialId.of(null, "hotp-cred", OathType.HOTP, 0),
                Base32.decode("abba")).counter(5).build());
        card.assertFinished();
    }

    @Test
    void put_whenFull_throwsNoSpace() {
        ScriptedTransport card = card().expect("00 01 00 00 1D 71 09 " + ascii("test-name")
                + " 73 10 21 06 0042 000000000000000000000000", "6A84");
        NoSpaceException e = assertThrows(NoSpaceException.class, () -> OathSession.open(card).put(
                CredentialData.builder(CredentialId.totp(null, "test-name"), Base32.decode("abba")).build()));
        assertEquals(0x6A84, e.statusWord());
    }

    @Test
    void calculate_totp_sendsTimeStepAndMasksAndReducesTheValue() {
        String command = "00 A2 00 01 10 71 04 74657374 74 08 0000000000000001";
        ScriptedTransport card = card()
                .expect(command, "76 05 08 05 9E B4 EA 9000")      // YubiKey 4/5: already mod 10^8
                .expect(command, "76 05 08 41 39 7E EA 9000")      // NEO: the 31-bit value
                .expect(command, "76 05 08 C1 39 7E EA 9000");     // top bit left set: the host masks it
        OathSession s = OathSession.open(card);
        CredentialId id = CredentialId.totp(null, "test");
        Instant t = Instant.ofEpochSecond(59);
        Code code = s.calculate(id, t);
        assertEquals("94287082", code.value());
        assertEquals(Instant.ofEpochSecond(30), code.validFrom());
        assertEquals(Instant.ofEpochSecond(60), code.validUntil());
        assertEquals("94287082", s.calculate(id, t).value());
        assertEquals("94287082", s.calculate(id, t).value());
        card.assertFinished();
    }

    @Test
    void calculate_nonDefaultPeriod_usesItsOwnStep() {
        ScriptedTransport card = card().expect("00 A2 00 01 18 71 0C " + ascii("60/Sixty:p60")
                + " 74 08 0000000001B05515", "76 05 06 00 00 00 07 9000");
        Code code = OathSession.open(card).calculate(CredentialId.of("Sixty", "p60", OathType.TOTP, 60),
                Instant.ofEpochSecond(1_700_000_000L));
        assertEquals("000007", code.value());
        assertEquals(Instant.ofEpochSecond(0x1B05515L * 60), code.validFrom());
        assertEquals(Instant.ofEpochSecond(0x1B05516L * 60), code.validUntil());
        card.assertFinished();
    }

    @Test
    void calculate_hotp_sendsEmptyChallenge() {
        ScriptedTransport card = card().expect("00 A2 00 01 0D 71 09 " + ascii("hotp-cred") + " 74 00",
                "76 05 06 1F 91 F5 1D 9000");
        Instant now = Instant.ofEpochSecond(1000);
        Code code = OathSession.open(card).calculate(CredentialId.of(null, "hotp-cred", OathType.HOTP, 0), now);
        assertEquals("659165", code.value());
        assertEquals(now, code.validFrom());
        assertEquals(Instant.MAX, code.validUntil());
        card.assertFinished();
    }

    @Test
    void calculateFull_returnsTheWholeHmac() {
        ScriptedTransport card = card().expect("00 A2 00 00 10 71 04 74657374 74 08 0000000000000001",
                "75 15 08 75a48a19d4cbe100644e8ac1397eea747a2d33ab 9000");
        byte[] hmac = OathSession.open(card).calculateFull(CredentialId.totp(null, "test"),
                Hex.bytes("0000000000000001"));
        assertEquals("75A48A19D4CBE100644E8AC1397EEA747A2D33AB", Hex.hex(hmac));
        card.assertFinished();
    }

    @Test
    void calculate_unknownCredential_throwsNoSuchCredential() {
        ScriptedTransport card = card().expect("00 A2 00 01 0F 71 03 " + ascii("nop") + " 74 08 0000000000000001",
                "6984");
        NoSuchCredentialException e = assertThrows(NoSuchCredentialException.class, () ->
                OathSession.open(card).calculate(CredentialId.totp(null, "nop"), Instant.ofEpochSecond(59)));
        assertEquals(0x6984, e.statusWord());
        assertTrue(e.getMessage().contains("'nop'"), e.getMessage());
    }

    @Test
    void calculate_whenTouchTimesOut_throwsTouchRequired() {
        ScriptedTransport card = card().expect("00 A2 00 01 19 71 0D " + ascii("Issuer:touchy")
                + " 74 08 0000000000000001", "6982");
        TouchRequiredException e = assertThrows(TouchRequiredException.class, () -> OathSession.open(card)
                .calculate(CredentialId.totp("Issuer", "touchy"), Instant.ofEpochSecond(59)));
        assertEquals(0x6982, e.statusWord());
        assertTrue(e.getMessage().contains("touch"), e.getMessage());
    }

    @Test
    void list_followsChainingWithSendRemaining() {
        String all = "72 0A 21 " + ascii("test-name") + " 72 0E 21 " + ascii("Issuer:touchy")
                + " 72 0A 11 " + ascii("hotp-cred") + " 72 0D 22 " + ascii("60/Sixty:p60");
        String clean = Hex.clean(all);
        String first = clean.substring(0, 20);
        String second = clean.substring(20, 50);
        String third = clean.substring(50);
        ScriptedTransport card = card()
                .expect("00 A1 00 00 00", first + "61 00")
                .expect("00 A5 00 00 00", second + "61 12")
                .expect("00 A5 00 00 00", third + "9000");
        List<Credential> list = OathSession.open(card).list();
        assertEquals(List.of(
                new Credential(CredentialId.totp(null, "test-name"), HashAlgorithm.SHA1),
                new Credential(CredentialId.totp("Issuer", "touchy"), HashAlgorithm.SHA1),
                new Credential(CredentialId.of(null, "hotp-cred", OathType.HOTP, 0), HashAlgorithm.SHA1),
                new Credential(CredentialId.of("Sixty", "p60", OathType.TOTP, 60), HashAlgorithm.SHA256)), list);
        assertEquals(OathType.HOTP, list.get(2).type());
        card.assertFinished();
    }

    @Test
    void calculateAll_marksTouchAndHotp_recomputesNon30sCredentials_acrossChainedChunks() {
        String pairs = "71 09 " + ascii("test-name") + " 76 05 06 00 03 D0 90"
                + " 71 0D " + ascii("Issuer:touchy") + " 7C 01 06"
                + " 71 09 " + ascii("hotp-cred") + " 77 01 06"
                + " 71 0C " + ascii("60/Sixty:p60") + " 76 05 06 00 00 00 01";
        String clean = Hex.clean(pairs);
        ScriptedTransport card = card()
                .expect("00 A4 00 01 0A 74 08 000000000360AA2A", clean.substring(0, 40) + "61 20")
                .expect("00 A5 00 00 00", clean.substring(40) + "9000")
                .expect("00 A2 00 01 18 71 0C " + ascii("60/Sixty:p60") + " 74 08 0000000001B05515",
                        "76 05 06 FF FF FF FF 9000");
        Instant t = Instant.ofEpochSecond(1_700_000_000L);
        List<CalculateAllEntry> entries = OathSession.open(card).calculateAll(t);
        assertEquals(4, entries.size());
        Instant step30 = Instant.ofEpochSecond(0x360AA2AL * 30);
        assertEquals(new CalculateAllEntry(CredentialId.totp(null, "test-name"),
                new Code("250000", step30, step30.plusSeconds(30)), false), entries.get(0));
        assertEquals(new CalculateAllEntry(CredentialId.totp("Issuer", "touchy"), null, true), entries.get(1));
        assertTrue(entries.get(2).hotp());
        assertEquals(Optional.empty(), entries.get(2).code());
        assertFalse(entries.get(2).touchRequired());
        assertEquals(CredentialId.of("Sixty", "p60", OathType.TOTP, 60), entries.get(3).id());
        assertEquals("483647", entries.get(3).code().orElseThrow().value(), "0xFFFFFFFF masked, mod 10^6");
        assertEquals(Instant.ofEpochSecond(0x1B05515L * 60), entries.get(3).code().orElseThrow().validFrom());
        card.assertFinished();
    }

    @Test
    void delete_sendsIdAndMapsMissingCredential() {
        ScriptedTransport card = card()
                .expect("00 02 00 00 0B 71 09 " + ascii("hotp-cred"), "9000")
                .expect("00 02 00 00 0B 71 09 " + ascii("hotp-cred"), "6984");
        OathSession s = OathSession.open(card);
        CredentialId id = CredentialId.of(null, "hotp-cred", OathType.HOTP, 0);
        s.delete(id);
        assertThrows(NoSuchCredentialException.class, () -> s.delete(id));
        card.assertFinished();
    }

    @Test
    void rename_sendsOldAndNewId() {
        ScriptedTransport card = card().expect("00 05 00 00 1E 71 09 " + ascii("test-name") + " 71 11 "
                + ascii("NewIssuer:renamed"), "9000");
        OathSession.open(card).rename(CredentialId.totp(null, "test-name"), CredentialId.totp("NewIssuer", "renamed"));
        card.assertFinished();
    }

    @Test
    void rename_beforeFirmware530_failsWithoutSending() {
        ScriptedTransport card = new ScriptedTransport().expect(SELECT, "79 03 05 02 04 71 08 4BB7A7FAD7AF401B 9000");
        OathSession s = OathSession.open(card);
        FeatureNotSupportedException e = assertThrows(FeatureNotSupportedException.class,
                () -> s.rename(CredentialId.totp(null, "a"), CredentialId.totp(null, "b")));
        assertTrue(e.getMessage().contains("5.3.0") && e.getMessage().contains("5.2.4"), e.getMessage());
        assertEquals(OathException.NO_STATUS_WORD, e.statusWord());
        card.assertFinished();
    }

    @Test
    void reset_sendsDeadAndReselects_soDeviceIdChanges() {
        ScriptedTransport card = card()
                .expect("00 04 DE AD", "9000")
                .expect(SELECT, SELECT_UNLOCKED_VECTOR_SALT);
        OathSession s = OathSession.open(card);
        s.reset();
        assertEquals("VeyWBux4DIdAVtGGK00E6A", s.info().deviceId());
        card.assertFinished();
    }

    @Test
    void validate_answersSelectChallenge_andChecksTheCardsResponse() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, SELECT_LOCKED)
                .expect(VALIDATE_VECTOR, "75 14 ad26a35795871b08d19dc71e1f3736cbcba2d1db 9000")
                .expect("00 A1 00 00 00", "9000");
        OathSession s = OathSession.open(card, new FixedChallenges(HOST_CHALLENGE));
        assertTrue(s.info().passwordProtected());
        assertTrue(s.isLocked());
        s.validate("secret123".toCharArray());
        assertFalse(s.isLocked());
        assertEquals(List.of(), s.list());
        card.assertFinished();
    }

    @Test
    void validate_wrongPassword_throwsWrongPassword() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, SELECT_LOCKED)
                .expect("00 A3 00 00 20 75 14 " + Hex.hex(OathPassword.response(
                        OathPassword.deriveKey("wrong".toCharArray(), Hex.bytes(SALT_PASSWORD_VECTOR)),
                        Hex.bytes("0ba604a0465f2505"))) + " 74 08 " + HOST_CHALLENGE, "6A80");
        OathSession s = OathSession.open(card, new FixedChallenges(HOST_CHALLENGE));
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> s.validate("wrong".toCharArray()));
        assertEquals(0x6A80, e.statusWord());
        assertTrue(s.isLocked());
        card.assertFinished();
    }

    @Test
    void validate_whenCardAnswerDoesNotVerify_throwsCardVerification() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, SELECT_LOCKED)
                .expect(VALIDATE_VECTOR, "75 14 ad26a35795871b08d19dc71e1f3736cbcba2d1dc 9000");
        OathSession s = OathSession.open(card, new FixedChallenges(HOST_CHALLENGE));
        assertThrows(CardVerificationException.class, () -> s.validate("secret123".toCharArray()));
        assertTrue(s.isLocked());
    }

    @Test
    void list_whenPasswordSetAndNotValidated_requiresValidate() {
        ScriptedTransport card = new ScriptedTransport().expect(SELECT, SELECT_LOCKED).expect("00 A1 00 00 00", "6982");
        AuthenticationRequiredException e = assertThrows(AuthenticationRequiredException.class,
                () -> OathSession.open(card).list());
        assertEquals(0x6982, e.statusWord());
        assertTrue(e.getMessage().contains("the OATH applet is password protected: unlock it with validate(password)"),
                e.getMessage());
    }

    @Test
    void calculate_whenPasswordSet_requiresValidate_notTouch() {
        ScriptedTransport card = new ScriptedTransport().expect(SELECT, SELECT_LOCKED)
                .expect("00 A2 00 01 10 71 04 74657374 74 08 0000000000000001", "6982");
        assertThrows(AuthenticationRequiredException.class, () -> OathSession.open(card)
                .calculate(CredentialId.totp(null, "test"), Instant.ofEpochSecond(59)));
    }

    @Test
    void setPassword_sendsSpecVector_andLeavesSessionUnlocked() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, SELECT_UNLOCKED_VECTOR_SALT)
                .expect("00 03 00 00 33 73 11 21 75ae1b6c38f279ba7806e38a1cf4bd83 74 08 cef7764116a559c9"
                        + " 75 14 70ee139c657a6c17d168204c6cb2ce75ea8baa79", "9000");
        OathSession s = OathSession.open(card, new FixedChallenges("cef7764116a559c9"));
        s.setPassword("secret123".toCharArray());
        assertFalse(s.isLocked());
        card.assertFinished();
    }

    @Test
    void unsetPassword_sendsEmptyKey() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, SELECT_LOCKED)
                .expect(VALIDATE_VECTOR, "75 14 ad26a35795871b08d19dc71e1f3736cbcba2d1db 9000")
                .expect("00 03 00 00 02 73 00", "9000");
        OathSession s = OathSession.open(card, new FixedChallenges(HOST_CHALLENGE));
        s.validate("secret123".toCharArray());
        s.unsetPassword();
        assertFalse(s.isLocked());
        card.assertFinished();
    }

    @Test
    void close_closesTheTransport() {
        ScriptedTransport card = card();
        OathSession.open(card).close();
        assertTrue(card.closed());
    }

    @Test
    void setPassword_onNeoEraApplet_reselectsAndValidatesLikeYkman() {
        ScriptedTransport card = new ScriptedTransport()
                .expect(SELECT, "79 03 02 00 00 71 08 " + SALT_PASSWORD_VECTOR + " 9000")
                .expect("00 03 00 00 33 73 11 21 75ae1b6c38f279ba7806e38a1cf4bd83 74 08 cef7764116a559c9"
                        + " 75 14 70ee139c657a6c17d168204c6cb2ce75ea8baa79", "9000")
                .expect(SELECT, SELECT_LOCKED)
                .expect(VALIDATE_VECTOR, "75 14 ad26a35795871b08d19dc71e1f3736cbcba2d1db 9000");
        OathSession s = OathSession.open(card, new FixedChallenges("cef7764116a559c9", HOST_CHALLENGE));
        s.setPassword("secret123".toCharArray());
        assertFalse(s.isLocked());
        assertTrue(s.info().passwordProtected());
        card.assertFinished();
    }

    @Test
    void send_whenCardChainsForever_stopsWithMalformedResponse() {
        ScriptedTransport card = card().expect("00 A1 00 00 00", "00".repeat(255) + "6100");
        for (int i = 0; i < 260; i++) {
            card.expect("00 A5 00 00 00", "00".repeat(255) + "6100");
        }
        OathSession s = OathSession.open(card);
        MalformedResponseException e = assertThrows(MalformedResponseException.class, s::list);
        assertTrue(e.getMessage().contains("chaining is broken"), e.getMessage());
    }

    @Test
    void put_fromOtpAuthUri_usesItsParameters() {
        ScriptedTransport card = card().expect("00 01 00 00 29 71 0F " + ascii("ACME:hotp@x.com")
                + " 73 10 12 08 0042 000000000000000000000000 7A 04 0000002A", "9000");
        dev.ykmfa.protocol.otp.OtpAuthUri uri = dev.ykmfa.protocol.otp.OtpAuthUri.parse(
                "otpauth://hotp/ACME:hotp@x.com?secret=abba&algorithm=SHA256&digits=8&counter=42&period=60");
        OathSession.open(card).put(CredentialData.fromUri(uri));
        card.assertFinished();
    }

    @Test
    void derivedKey_matchesSpecVector() {
        assertArrayEquals(Hex.bytes("75ae1b6c38f279ba7806e38a1cf4bd83"),
                OathPassword.deriveKey("secret123".toCharArray(), Hex.bytes(SALT_PASSWORD_VECTOR)));
    }
}

package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.sim.RawOathClient.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a simulated key's content to a file and starting a new key from it (DESIGN §7, issue 6). */
class StatePersistenceTest {
    private static final byte[] SEED = utf8("12345678901234567890");
    /** RFC 4226 appendix D: HOTP-SHA1, 6 digits, the seed above, counters 0..4. */
    private static final int[] RFC4226_CODES = {755224, 287082, 359152, 969429, 338314};
    private static final int TOTP_SHA1 = 0x21;
    private static final int HOTP_SHA1 = 0x11;
    private static final String PASSWORD = "hunter2";

    @TempDir
    Path dir;

    private static int code(SimulatedYubiKey key, String id, long step) {
        byte[] r = transceive(key, calculate(id, step(step), true));
        assertEquals(0x9000, sw(r), () -> "CALCULATE " + id + ": " + hex(r));
        byte[] v = RawOathClient.dict(data(r)).get(0x76);
        int raw = ((v[1] & 0x7F) << 24) | ((v[2] & 0xFF) << 16) | ((v[3] & 0xFF) << 8) | (v[4] & 0xFF);
        int mod = 1;
        for (int i = 0; i < v[0]; i++) {
            mod *= 10;
        }
        return raw % mod;
    }

    private SimulatedYubiKey populated() {
        SimulatedYubiKey key = SimulatedYubiKey.builder().serial(7654321).firmwareVersion(5, 2, 7).capacity(10)
                .build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        assertEquals(0x9000, card.put("totp", TOTP_SHA1, 6, SEED, false));
        assertEquals(0x9000, card.put("hotp", HOTP_SHA1, 6, SEED, false));
        assertEquals(0x9000, card.put("touch", TOTP_SHA1, 8, SEED, true));
        assertEquals(RFC4226_CODES[0], code(key, "hotp", 0));
        assertEquals(RFC4226_CODES[1], code(key, "hotp", 0));
        assertEquals(0x9000, card.setPassword(PASSWORD));
        return key;
    }

    @Test
    void saveState_thenRestore_keepsCredentialsCountersPasswordSaltAndIdentity() {
        SimulatedYubiKey original = populated();
        RawOathClient before = new RawOathClient(original);
        Map<Integer, byte[]> selectBefore = before.select();
        assertEquals(0x9000, before.validate(PASSWORD));
        List<Entry> listBefore = before.list();
        Path file = dir.resolve("key.state");

        original.saveState(file);
        SimulatedYubiKey restored = SimulatedYubiKey.builder().stateFile(file).build();

        assertEquals(7654321, restored.serial());
        assertEquals("5.2.7", restored.firmwareVersion());
        assertEquals(10, restored.capacity());
        RawOathClient after = new RawOathClient(restored);
        Map<Integer, byte[]> selectAfter = after.select();
        assertArrayEquals(selectBefore.get(0x71), selectAfter.get(0x71), "salt (device id) unchanged");
        assertArrayEquals(new byte[] {5, 2, 7}, selectAfter.get(0x79));
        assertNotNull(selectAfter.get(0x74), "password still set: SELECT sends a challenge");
        assertEquals(0x6982, after.sendSw(hex("00A1000000")), "locked until VALIDATE");
        assertEquals(0x6A80, after.validate("wrong"));
        after.select();
        assertEquals(0x9000, after.validate(PASSWORD));
        assertEquals(listBefore.stream().sorted().toList(), after.list().stream().sorted().toList());
        assertEquals(code(original, "totp", 56_789_012L), code(restored, "totp", 56_789_012L));
        assertEquals(code(original, "touch", 56_789_012L), code(restored, "touch", 56_789_012L));
        assertEquals(RFC4226_CODES[2], code(restored, "hotp", 0), "HOTP continues at counter 2");
        assertEquals(RFC4226_CODES[3], code(restored, "hotp", 0));
    }

    @Test
    void restore_keepsTouchRequirement() {
        Path file = dir.resolve("key.state");
        populated().saveState(file);
        SimulatedYubiKey restored = SimulatedYubiKey.builder().stateFile(file).touchPolicy(TouchPolicy.DENY).build();
        RawOathClient card = new RawOathClient(restored);
        card.select();
        assertEquals(0x9000, card.validate(PASSWORD));
        assertEquals(0x6982, sw(transceive(restored, calculate("touch", step(1), true))), "touch refused");
        assertEquals(0x9000, sw(transceive(restored, calculate("totp", step(1), true))));
    }

    @Test
    void stateFile_savesAfterEveryChange_soANewProcessSeesIt() {
        Path file = dir.resolve("sub").resolve("key.state");
        SimulatedYubiKey first = SimulatedYubiKey.builder().stateFile(file).build();
        assertTrue(Files.exists(file), "created at build so the salt is stable from the first run");
        assertEquals(java.util.Optional.of(file), first.stateFile());
        RawOathClient c1 = new RawOathClient(first);
        byte[] salt = c1.select().get(0x71);
        assertEquals(0x9000, c1.put("hotp", HOTP_SHA1, 6, SEED, false));
        assertEquals(0x9000, c1.put("gone", TOTP_SHA1, 6, SEED, false));
        assertEquals(RFC4226_CODES[0], code(first, "hotp", 0));

        SimulatedYubiKey second = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient c2 = new RawOathClient(second);
        assertArrayEquals(salt, c2.select().get(0x71));
        assertEquals(RFC4226_CODES[1], code(second, "hotp", 0), "the counter advance was saved");
        assertEquals(0x9000, c2.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("gone")))));
        assertEquals(0x9000, c2.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("hotp")), tlv(0x71, utf8("h2"))))));
        assertEquals(0x9000, c2.setPassword(PASSWORD));

        SimulatedYubiKey third = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient c3 = new RawOathClient(third);
        c3.select();
        assertEquals(0x6982, c3.sendSw(hex("00A1000000")), "password saved");
        assertEquals(0x9000, c3.validate(PASSWORD));
        assertEquals(List.of(new Entry(HOTP_SHA1, "h2")), c3.list(), "delete and rename saved");
        assertEquals(RFC4226_CODES[2], code(third, "h2", 0));
        assertEquals(0x9000, c3.unsetPassword());

        RawOathClient c4 = new RawOathClient(SimulatedYubiKey.builder().stateFile(file).build());
        c4.select();
        assertEquals(List.of(new Entry(HOTP_SHA1, "h2")), c4.list(), "password removal saved");
    }

    @Test
    void reset_thenRestore_isEmptyWithNewSalt() {
        Path file = dir.resolve("key.state");
        SimulatedYubiKey key = populated();
        RawOathClient card = new RawOathClient(key);
        byte[] oldSalt = card.select().get(0x71);
        assertEquals(0x9000, card.reset());
        key.saveState(file);

        RawOathClient restored = new RawOathClient(SimulatedYubiKey.builder().stateFile(file).build());
        Map<Integer, byte[]> select = restored.select();
        assertNull(select.get(0x74), "no password after RESET");
        assertFalse(java.util.Arrays.equals(oldSalt, select.get(0x71)), "RESET rotated the salt");
        assertEquals(List.of(), restored.list());
    }

    @Test
    void reset_withStateFile_isSavedAtOnce() {
        Path file = dir.resolve("key.state");
        SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        assertEquals(0x9000, card.put("totp", TOTP_SHA1, 6, SEED, false));
        byte[] salt = card.select().get(0x71);
        assertEquals(0x9000, card.reset());
        byte[] newSalt = card.select().get(0x71);

        RawOathClient again = new RawOathClient(SimulatedYubiKey.builder().stateFile(file).build());
        byte[] loadedSalt = again.select().get(0x71);
        assertArrayEquals(newSalt, loadedSalt);
        assertFalse(java.util.Arrays.equals(salt, loadedSalt));
        assertEquals(List.of(), again.list());
    }

    @Test
    void stateFile_isOwnerOnly_andNoTemporaryFilesRemain() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "file modes need a POSIX file system");
        Path file = dir.resolve("key.state");
        SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        assertEquals(0x9000, card.put("totp", TOTP_SHA1, 6, SEED, false));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), mode);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void corruptFile_isAClearErrorNamingTheFile_notAnEmptyKey() throws IOException {
        Path file = dir.resolve("key.state");
        populated().saveState(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        assertStateError(file, "checksum");

        Files.write(file, java.util.Arrays.copyOf(bytes, 40));
        assertStateError(file, "checksum");

        Files.write(file, new byte[0]);
        assertStateError(file, "wrong header");

        Files.writeString(file, "{\"credentials\": []}");
        assertStateError(file, "wrong header");
    }

    @Test
    void wrongFormatVersion_isAClearError() throws IOException {
        Path file = dir.resolve("key.state");
        populated().saveState(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[17] = 2; // the version field follows the 16-byte magic
        Files.write(file, bytes);
        assertStateError(file, "version 2");
    }

    @Test
    void explicitOptionContradictingTheFile_isAClearError() {
        Path file = dir.resolve("key.state");
        SimulatedYubiKey.builder().serial(111).stateFile(file).build();
        SimulatorStateException e = assertThrows(SimulatorStateException.class,
                () -> SimulatedYubiKey.builder().serial(222).stateFile(file).build());
        assertTrue(e.getMessage().contains("serial 111") && e.getMessage().contains("serial 222"), e.getMessage());
        assertEquals(111, SimulatedYubiKey.builder().stateFile(file).build().serial(), "the file wins by default");
    }

    @Test
    void errors_neverContainTheSecrets() throws IOException {
        Path file = dir.resolve("key.state");
        populated().saveState(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);
        SimulatorStateException e = assertThrows(SimulatorStateException.class,
                () -> SimulatedYubiKey.builder().stateFile(file).build());
        assertFalse(e.getMessage().contains("1234567890"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains(hex(SEED).toLowerCase()), e.getMessage());
    }

    @Test
    void fileForAnotherStoreLayout_isAClearError() throws IOException {
        Path file = dir.resolve("key.state");
        byte[] smallImage = new byte[100];
        Files.write(file, KeyStateFile.encode(new KeyStateFile.Contents(1, new int[] {5, 4, 3}, 32, smallImage)));
        assertStateError(file, "incompatible");
    }

    @Test
    void failedAutoSave_failsTheCommand_namingTheFile() throws IOException {
        Path sub = dir.resolve("sub");
        Path file = sub.resolve("key.state");
        SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        Files.delete(file);
        Files.delete(sub);
        Files.writeString(sub, "a file where the state directory was");
        SimulatorStateException e = assertThrows(SimulatorStateException.class,
                () -> card.put("totp", TOTP_SHA1, 6, SEED, false));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(SimulatorStateException.class, card::list, "unsaved changes are retried at every command");
        Files.delete(sub);
        assertEquals(List.of(new Entry(TOTP_SHA1, "totp")), card.list(), "saved once the directory is usable");
        RawOathClient reloaded = new RawOathClient(SimulatedYubiKey.builder().stateFile(file).build());
        reloaded.select();
        assertEquals(List.of(new Entry(TOTP_SHA1, "totp")), reloaded.list());
    }

    @Test
    void powerLossDuringPut_withStateFile_reloadsAConsistentKey() {
        Path file = dir.resolve("key.state");
        SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(file).build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        assertEquals(0x9000, card.put("kept", TOTP_SHA1, 6, SEED, false));
        key.tearing().armAtWrite(3);
        assertThrows(dev.ykmfa.protocol.transport.TransportException.class,
                () -> card.put("torn", TOTP_SHA1, 6, SEED, false));

        RawOathClient reloaded = new RawOathClient(SimulatedYubiKey.builder().stateFile(file).build());
        reloaded.select();
        assertEquals(List.of(new Entry(TOTP_SHA1, "kept")), reloaded.list(), "the torn PUT never became live");
    }

    private static void assertStateError(Path file, String why) {
        SimulatorStateException e = assertThrows(SimulatorStateException.class,
                () -> SimulatedYubiKey.builder().stateFile(file).build());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
    }
}

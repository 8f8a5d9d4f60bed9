package dev.ykmfa.aws.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ykmfa.aws.process.SessionCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

class CredentialsFileWriterTest {
    private static final Instant EXPIRES = Instant.parse("2026-11-24T06:00:00Z");
    private static final SessionCredentials SESSION =
            SessionCredentials.of("ASIAEXAMPLE", "s3cr3t", "tok3n", EXPIRES);

    @TempDir
    Path dir;

    static Map<String, Profile> sdkProfiles(Path file) {
        return ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build().profiles();
    }

    @Test
    void writeProfile_newFile_isCreatedWith0600AndReadableByTheSdk() throws IOException {
        Path file = dir.resolve("new/.aws/credentials");
        CredentialsFileWriter.builder().file(file).build().writeProfile("johndoe-developer-role", SESSION);

        Profile profile = sdkProfiles(file).get("johndoe-developer-role");
        assertEquals("ASIAEXAMPLE", profile.property("aws_access_key_id").orElseThrow());
        assertEquals("s3cr3t", profile.property("aws_secret_access_key").orElseThrow());
        assertEquals("tok3n", profile.property("aws_session_token").orElseThrow());
        assertEquals(EXPIRES.toString(), profile.property("aws_expiration").orElseThrow());
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX modes");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void writeProfile_existingProfile_replacesOnlyItsCredentialLines() throws IOException {
        Path file = dir.resolve("credentials");
        String before = "# my keys\r\n[default]\r\naws_access_key_id = AKIAOLD\r\naws_secret_access_key = old\r\n\r\n"
                + "[dev] ; the role\r\nregion=eu-west-1\r\naws_access_key_id=ASIAOLD\r\naws_security_token = legacy\r\n"
                + "aws_session_token = x\r\n  continued\r\n# trailing comment\r\n[other]\r\nkey = v";
        Files.writeString(file, before, StandardCharsets.ISO_8859_1);

        CredentialsFileWriter.builder().file(file).build().writeProfile("dev", SESSION);

        String after = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertEquals("# my keys\r\n[default]\r\naws_access_key_id = AKIAOLD\r\naws_secret_access_key = old\r\n\r\n"
                + "[dev] ; the role\r\nregion=eu-west-1\r\naws_access_key_id = ASIAEXAMPLE\r\n"
                + "aws_secret_access_key = s3cr3t\r\naws_session_token = tok3n\r\naws_expiration = " + EXPIRES
                + "\r\n# trailing comment\r\n[other]\r\nkey = v", after);
    }

    @Test
    void writeProfile_missingProfile_isAppendedAfterABlankLine() throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[default]\naws_access_key_id = A\naws_secret_access_key = B");

        CredentialsFileWriter.builder().file(file).build()
                .writeProfile("dev", SessionCredentials.of("AKIALONGTERM", "sec", null, null));

        assertEquals("[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n[dev]\n"
                + "aws_access_key_id = AKIALONGTERM\naws_secret_access_key = sec\n", Files.readString(file));
    }

    @Test
    void writeProfile_unparsableFile_failsClearlyAndLeavesTheFileUntouched() throws IOException {
        Path file = dir.resolve("credentials");
        byte[] before = "aws_access_key_id = AKIA\n[default\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);

        CredentialsFileFormatException e = assertThrows(CredentialsFileFormatException.class,
                () -> CredentialsFileWriter.builder().file(file).build().writeProfile("dev", SESSION));

        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("left unchanged"), e.getMessage());
        assertFalse(e.getMessage().contains("AKIA"), "no values in messages");
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void createNew_writesA0600HandOverFile_andNeverOverwrites() throws IOException {
        Path file = dir.resolve("JohnDoe.credentials");
        SessionCredentials pair = SessionCredentials.of("AKIANEWPAIR", "newSecret", null, null);
        CredentialsFileWriter.createNew(file, "default", pair);

        assertEquals("[default]\naws_access_key_id = AKIANEWPAIR\naws_secret_access_key = newSecret\n",
                Files.readString(file));
        assertEquals("AKIANEWPAIR", sdkProfiles(file).get("default").property("aws_access_key_id").orElseThrow());
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> CredentialsFileWriter.createNew(file, "default", SessionCredentials.of("AKIAOTHER", "x", null,
                        null)));
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertTrue(Files.readString(file).contains("AKIANEWPAIR"));
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX modes");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writeProfile_existingWorldReadableFile_isTightenedToOwnerReadWrite() throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[a]\nk = v\n");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX modes");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CredentialsFileWriter.builder().file(file).build().writeProfile("b", SESSION);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writeAtomically_existingFile_dropsGroupAndOtherBits_keepsOwnerBits() throws IOException {
        Path file = dir.resolve("cache-entry.json");
        Files.writeString(file, "old");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX modes");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrw-rw-"));

        PrivateFiles.writeAtomically(file, "secret".getBytes(StandardCharsets.UTF_8));

        assertEquals("secret", Files.readString(file));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writeProfile_utf8ProfileNamesAndOtherBytes_arePreserved() throws IOException {
        Path file = dir.resolve("credentials");
        byte[] latin1Comment = {'#', ' ', (byte) 0xE9, (byte) 0xFF, '\n'};
        Files.write(file, latin1Comment);

        CredentialsFileWriter.builder().file(file).build().writeProfile("dév", SESSION);

        byte[] after = Files.readAllBytes(file);
        for (int i = 0; i < latin1Comment.length; i++) {
            assertEquals(latin1Comment[i], after[i]);
        }
        assertTrue(new String(after, StandardCharsets.UTF_8).contains("[dév]"));
    }

    @Test
    void writeProfile_badNames_areRefusedWithTheReason() {
        CredentialsFileWriter writer = CredentialsFileWriter.builder().file(dir.resolve("c")).build();
        assertThrows(IllegalArgumentException.class, () -> writer.writeProfile(" dev", SESSION));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.writeProfile("a]b", SESSION));
        assertTrue(e.getMessage().contains("']'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> writer.writeProfile("", SESSION));
    }

    @Test
    void defaultFile_followsAwsSharedCredentialsFile_thenHome() {
        assertEquals(Paths.get("/x/creds"),
                CredentialsFileWriter.defaultCredentialsFile(name -> name.equals(
                        CredentialsFileWriter.ENV_SHARED_CREDENTIALS_FILE) ? "/x/creds" : null));
        assertEquals(Paths.get(System.getProperty("user.home"), ".aws", "credentials"),
                CredentialsFileWriter.defaultCredentialsFile(name -> null));
        assertEquals(Paths.get(System.getProperty("user.home"), "c"),
                CredentialsFileWriter.defaultCredentialsFile(name -> "~/c"));
    }

    @Test
    void writeProfile_twentyConcurrentThreads_loseNoProfile() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "# shared\n[keep]\nk = v\n");
        CredentialsFileWriter writer = CredentialsFileWriter.builder().file(file).build();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(pool.submit(() -> writer.writeProfile("p" + n,
                    SessionCredentials.of("ASIA" + n, "s" + n, "t" + n, EXPIRES))));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, Profile> profiles = sdkProfiles(file);
        for (int i = 0; i < 20; i++) {
            assertEquals("ASIA" + i, profiles.get("p" + i).property("aws_access_key_id").orElseThrow());
        }
        assertEquals("v", profiles.get("keep").property("k").orElseThrow());
        assertTrue(Files.readString(file).startsWith("# shared\n[keep]\nk = v\n"));
    }

    @Test
    void writeProfile_twentyConcurrentProcesses_loseNoProfile() throws Exception {
        Path file = dir.resolve("credentials");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            processes.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), WriteProfileMain.class.getName(), file.toString(), "p" + i)
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer process finished");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
        }

        Map<String, Profile> profiles = sdkProfiles(file);
        for (int i = 0; i < 20; i++) {
            assertEquals("ASIAp" + i, profiles.get("p" + i).property("aws_access_key_id").orElseThrow());
        }
    }
}

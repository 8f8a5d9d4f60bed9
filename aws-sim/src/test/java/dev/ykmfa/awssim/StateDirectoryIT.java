package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** {@code stateDirectory}: everything survives a restart, including sessions and the MFA replay guard. */
class StateDirectoryIT {
    @TempDir
    Path dir;

    @Test
    void restart_keepsUsersKeysDevicesSessionsAndUsedCodes() throws Exception {
        MutableClock clock = MutableClock.atStepStart();
        BlogFlow blog;
        AssumeRoleResponse assumed;
        String code;
        try (AwsSimulator sim = AwsSimulator.builder().clock(clock).stateDirectory(dir).build().start()) {
            blog = new BlogFlow(sim, clock).setUp();
            code = blog.nextCode();
            assumed = blog.assumeWithMfa(code);
        }
        Path file = dir.resolve("aws-sim-state.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).isEmpty());
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(file), entries.toList(), "a save must leave only the state file, no temporary file");
        }

        try (AwsSimulator again = AwsSimulator.builder().clock(clock).stateDirectory(dir).build().start()) {
            BlogFlow same = new BlogFlow(again, clock);
            same.johnKey = blog.johnKey;
            same.totp = blog.totp;
            assertEquals("arn:aws:iam::123456789012:user/JohnDoe", same.johnSts().getCallerIdentity().arn());
            assertEquals(assumed.assumedRoleUser().arn(), same.clients.sts(SdkClients.session(assumed.credentials()))
                    .getCallerIdentity().arn());
            StsException replay = assertThrows(StsException.class, () -> same.assumeWithMfa(code));
            assertEquals("MultiFactorAuthentication failed with invalid MFA one time pass code.",
                    replay.awsErrorDetails().errorMessage());
            same.assumeWithMfa(same.nextCode());
            assertEquals(1, same.admin.listRoles().roles().size());
        }
    }

    @Test
    void stateOfAnotherAccount_isRefusedWithAClearMessage() {
        AwsSimulator.builder().stateDirectory(dir).build().start().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AwsSimulator.builder().accountId("999999999999").stateDirectory(dir).build().start());
        assertEquals(true, e.getMessage().contains("belongs to account 123456789012"), e.getMessage());
    }
}

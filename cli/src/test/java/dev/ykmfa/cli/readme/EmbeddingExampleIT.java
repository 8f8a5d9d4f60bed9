package dev.ykmfa.cli.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import dev.ykmfa.aws.MfaEnrollment;
import dev.ykmfa.aws.SourceCredentials;
import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.OathConstants;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Runs the root README's embedding example ({@link EmbeddingExample}) as written: JohnDoe is enrolled on a simulated
 * key against aws-sim with aws-flow's {@link MfaEnrollment}, then the example reads one code from the key, assumes
 * the MFA-protected role and calls DescribeInstances with the role session.
 *
 * <p>The example's assumer uses the system clock (as a user's would), so aws-sim's clock is the system clock shifted
 * back for the enrollment and then set to the real time: the two codes the enrollment spent (enabling the device)
 * belong to steps minutes before the one the example reads.
 */
class EmbeddingExampleIT {
    private static final Duration ENROLL_IN_THE_PAST = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void describeInstancesWithYubiKey_assumesTheRoleWithOneCodeFromTheKey() throws IOException {
        ShiftedClock clock = new ShiftedClock(ENROLL_IN_THE_PAST.negated());
        SimulatedYubiKey simulatedKey = SimulatedYubiKey.create();
        try (AwsSimulator aws = AwsSimulator.builder().clock(clock).build().start()) {
            SessionCredentials longTerm = enroll(aws, simulatedKey, clock);
            Path credentials = tmp.resolve("credentials");
            Files.writeString(credentials, "[johndoe]\naws_access_key_id = " + longTerm.accessKeyId()
                    + "\naws_secret_access_key = " + longTerm.secretAccessKey() + "\n");
            clock.shiftTo(Duration.ZERO); // the real time: far past the steps whose codes enabling the device spent

            CountingTransport key = new CountingTransport(simulatedKey);
            DescribeInstancesResponse response;
            try (StsClient sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Region.US_EAST_1).endpointOverride(aws.endpoint())
                    .credentialsProvider(SourceCredentials.profile("johndoe", credentials)).build()) {
                response = EmbeddingExample.describeInstancesWithYubiKey(key, sts, Ec2Client.builder()
                        .httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                        .endpointOverride(aws.endpoint()));
            }

            assertTrue(response.sdkHttpResponse().isSuccessful(), response::toString);
            assertTrue(response.reservations().isEmpty(), "aws-sim has no instances: " + response);
            assertEquals(1, key.calculations.get(), "exactly one code (CALCULATE) was read from the key");
            assertTrue(key.closed, "the example's try-with-resources closed the key");
        }
    }

    private static SessionCredentials enroll(AwsSimulator aws, SimulatedYubiKey simulatedKey, ShiftedClock clock) {
        try (IamClient iam = IamClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.AWS_GLOBAL).endpointOverride(aws.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.adminAccessKeyId(), aws.adminSecretAccessKey()))).build()) {
            EnrollmentResult enrolled;
            try (OathSession admin = OathSession.open(simulatedKey)) { // the simulated key outlives its sessions
                enrolled = MfaEnrollment.builder().iamClient(iam).oathSession(admin)
                        .interaction(UserInteraction.silent()).clock(clock).sleeper(clock::shift).build()
                        .enroll(EnrollmentRequest.builder().userName("JohnDoe").roleName("developer-ec2-mfa")
                                .build());
            }
            assertEquals("arn:aws:iam::123456789012:mfa/JohnDoe", enrolled.mfaSerialNumber());
            assertEquals("arn:aws:iam::123456789012:role/developer-ec2-mfa", enrolled.roleArn());
            return enrolled.newAccessKey().orElseThrow();
        }
    }

    /** The system clock plus an offset the test moves (also the enrollment's sleeper: waiting moves the offset). */
    private static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> offset;

        ShiftedClock(Duration offset) {
            this.offset = new AtomicReference<>(offset);
        }

        void shift(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        void shiftTo(Duration newOffset) {
            offset.set(newOffset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    /** Passes APDUs to the simulated key, counting CALCULATE commands (one per code read). */
    private static final class CountingTransport implements ApduTransport {
        private final ApduTransport card;
        final AtomicInteger calculations = new AtomicInteger();
        boolean closed;

        CountingTransport(ApduTransport card) {
            this.card = card;
        }

        @Override
        public byte[] transmit(byte[] commandApdu) {
            if ((commandApdu[1] & 0xFF) == OathConstants.INS_CALCULATE) {
                calculations.incrementAndGet();
            }
            return card.transmit(commandApdu);
        }

        @Override
        public void close() {
            closed = true;
            card.close();
        }
    }
}

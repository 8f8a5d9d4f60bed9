package dev.ykmfa.bench.flow;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import dev.ykmfa.aws.MfaEnrollment;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.Sleeper;
import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.aws.YubiKeyMfaCodeSource;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole blog flow in-process, warm: {@link MfaEnrollment} (role, policy, group, user, access key, virtual MFA
 * device, the seed programmed into the simulated key, two consecutive codes to enable it) and then
 * {@link MfaRoleAssumer} (a code from the key, {@code sts:AssumeRole} with it) against aws-sim over loopback HTTP with
 * the real AWS SDK v2 clients. Every invocation enrolls a new user and role; the shared clock moves to the next free
 * step instead of waiting. Target (DESIGN.md §9): ≤ 50 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnrollAndAssumeBenchmark {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int KEY_CAPACITY = 254;
    private static final int SESSION_SECONDS = 900;

    SteppingClock clock;
    SimulatedYubiKey key;
    AwsSimulator aws;
    SdkHttpClient http;
    IamClient iam;
    Sleeper advance;
    int n;
    OathSession lastSession;

    /** Starts aws-sim and the simulated key, sharing one clock. */
    @Setup(Level.Trial)
    public void setUp() {
        clock = new SteppingClock(Instant.now());
        key = SimulatedYubiKey.builder().capacity(KEY_CAPACITY).build();
        aws = AwsSimulator.builder().clock(clock).build().start();
        http = UrlConnectionHttpClient.create();
        iam = IamClient.builder().httpClient(http).region(Region.US_EAST_1).endpointOverride(aws.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.adminAccessKeyId(), aws.adminSecretAccessKey()))).build();
        advance = clock::advance;
        SessionCredentials check = enrollAndAssume();
        if (check.sessionToken() == null || check.sessionToken().isEmpty()) {
            throw new IllegalStateException("the flow returned no session credentials");
        }
    }

    /** @return the role session's credentials */
    @Benchmark
    public SessionCredentials enrollAndAssume() {
        n++;
        clock.advance(STEP.multipliedBy(2));
        Instant start = clock.instant();
        OathSession oath = OathSession.open(key);
        lastSession = oath;
        EnrollmentResult enrolled = MfaEnrollment.builder().iamClient(iam).oathSession(oath)
                .interaction(UserInteraction.silent()).clock(clock).sleeper(advance).build()
                .enroll(EnrollmentRequest.builder().userName("bench-user-" + n).roleName("bench-role-" + n)
                        .groupName("bench-group-" + n).policyName("bench-policy-" + n).build());
        SessionCredentials longTerm = enrolled.newAccessKey().orElseThrow(
                () -> new IllegalStateException("the enrollment created no access key"));
        // the enrollment used this step's and the next step's codes: assume in the step after them
        long step = Math.floorDiv(start.getEpochSecond(), STEP.getSeconds());
        clock.advanceTo(Instant.ofEpochSecond((step + 2) * STEP.getSeconds()));
        try (StsClient sts = StsClient.builder().httpClient(http).region(Region.US_EAST_1)
                .endpointOverride(aws.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(longTerm.accessKeyId(), longTerm.secretAccessKey()))).build()) {
            return MfaRoleAssumer.builder().stsClient(sts)
                    .codeSource(YubiKeyMfaCodeSource.builder().oathSession(oath)
                            .interaction(UserInteraction.silent()).credentialName(enrolled.credentialName()).build())
                    .roleArn(enrolled.roleArn()).serialNumber(enrolled.mfaSerialNumber()).roleSessionName("bench")
                    .duration(Duration.ofSeconds(SESSION_SECONDS)).clock(clock).sleeper(advance).build()
                    .assumeRoleCredentials();
        }
    }

    /** Deletes the credential the invocation programmed, so the key never fills up (not timed). */
    @TearDown(Level.Invocation)
    public void freeKeySlot() {
        for (Credential c : lastSession.list()) {
            lastSession.delete(c.id());
        }
    }

    /** Stops aws-sim. */
    @TearDown(Level.Trial)
    public void tearDown() {
        iam.close();
        http.close();
        aws.close();
    }
}

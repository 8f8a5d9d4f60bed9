package dev.ykmfa.conformance.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ykmfa.aws.AwsFlowException;
import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult.Outcome;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.flow.FlowDriver.Enrolled;
import dev.ykmfa.conformance.key.KeyUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The system under test of the stateful property — key + backend driven through aws-flow — next to a small model of
 * what AWS and the key should answer: whether the device is enabled, the last TOTP step the device accepted (codes
 * of that step or older are refused), the last step the assumer sent (it never resends one), the current and the
 * retired access keys, and the role session with its expiration. Every action checks the real answer against the
 * model, then updates the model.
 */
final class FlowWorld implements AutoCloseable {
    static final Duration SESSION = Duration.ofMinutes(15);
    private static final long NONE = Long.MIN_VALUE;
    private static final long PERIOD = FlowDriver.STEP.getSeconds();

    private final FlowDriver driver;
    private final BackendUnderTest backend;
    private final EnrollmentRequest request;
    private Enrolled enrolled;
    private SessionCredentials userKey;
    private final List<String> retiredKeys = new ArrayList<>();
    private MfaRoleAssumer assumer;

    // the model
    private boolean deviceActive;
    private long deviceLastStep = NONE;
    private long assumerLastStep = NONE;
    private SessionCredentials session;
    private Instant sessionExpiry;

    FlowWorld(KeyUnderTest key, BackendUnderTest backend) {
        this.backend = backend;
        this.driver = new FlowDriver(key, backend);
        this.request = driver.request("Stateful").build();
    }

    boolean enrolled() {
        return enrolled != null;
    }

    boolean hasSession() {
        return session != null;
    }

    private long step(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), PERIOD);
    }

    void enroll() {
        Instant t0 = backend.clock().instant();
        boolean wasActive = deviceActive;
        boolean first = enrolled == null;
        Enrolled e = driver.enroll(request);
        Map<String, Outcome> o = e.result().outcomes();
        if (first) {
            assertTrue(o.values().stream().allMatch(x -> x == Outcome.CREATED), o.toString());
            enrolled = e;
            userKey = e.userKey();
            rebuildAssumer();
        } else if (wasActive) {
            assertTrue(o.values().stream().allMatch(x -> x == Outcome.REUSED), o.toString());
            assertTrue(e.result().codesUsed().isEmpty(), "an enabled device needs no codes");
        } else {
            assertEquals(Outcome.UPDATED, o.get("mfaDevice"), "the unassigned device is replaced: " + o);
            assertEquals(Outcome.CREATED, o.get("keyCredential"), o.toString());
            assertEquals(Outcome.CREATED, o.get("mfaEnabled"), o.toString());
            assertEquals(Outcome.REUSED, o.get("accessKey"), "never a second key pair: " + o);
        }
        if (first || !wasActive) {
            deviceLastStep = step(t0) + 1;   // enabled with the codes of t0's step and the next
            deviceActive = true;
        }
    }

    private void rebuildAssumer() {
        StsClient sts = driver.sts(StaticCredentialsProvider.create(AwsBasicCredentials.create(userKey.accessKeyId(),
                userKey.secretAccessKey())));
        assumer = MfaRoleAssumer.builder().stsClient(sts)
                .codeSource((serial, time) -> driver.code(enrolled, time))
                .roleArn(enrolled.result().roleArn()).serialNumber(enrolled.result().mfaSerialNumber())
                .roleSessionName("stateful").duration(SESSION).clock(backend.clock()).sleeper(backend.sleeper())
                .maxAttempts(1).build();
        assumerLastStep = NONE;
    }

    void assume() {
        long s = step(backend.clock().instant());
        if (s <= assumerLastStep) {
            s = assumerLastStep + 1;   // the assumer waits for a step it never sent
        }
        boolean expected = deviceActive && s > deviceLastStep;
        try {
            SessionCredentials c = assumer.assumeRoleCredentials();
            assertTrue(expected, "AssumeRole succeeded but the model expected a refusal (device active="
                    + deviceActive + ", step " + s + " vs last accepted " + deviceLastStep + ")");
            assertEquals(s, step(backend.clock().instant()), "the code was read for step " + s);
            session = c;
            sessionExpiry = backend.clock().instant().truncatedTo(ChronoUnit.SECONDS).plus(SESSION);
            assertEquals(sessionExpiry, c.expiration().orElseThrow(), "Expiration = issue time (whole seconds, as"
                    + " STS answers) + DurationSeconds");
            deviceLastStep = s;
        } catch (AwsFlowException e) {
            assertFalse(expected, "AssumeRole refused but the model expected success: " + e.getMessage());
            assertEquals("AccessDenied", e.errorCode().orElse(null), e.getMessage());
        }
        assumerLastStep = s;
    }

    void useSession() {
        Instant now = backend.clock().instant();
        StsClient asRole = driver.sts(FlowDriver.provider(session));
        if (now.isBefore(sessionExpiry)) {
            assertTrue(asRole.getCallerIdentity().arn().endsWith("/stateful"));
        } else if (now.isAfter(sessionExpiry)) {
            StsException e = assertThrows(StsException.class, asRole::getCallerIdentity);
            assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
        }
    }

    void resync() {
        Instant now = backend.clock().instant();
        long s = step(now);
        String c1 = driver.code(enrolled, now);
        String c2 = driver.code(enrolled, now.plus(FlowDriver.STEP));
        boolean expected = deviceActive && s + 1 > deviceLastStep;
        try {
            driver.admin().resyncMFADevice(r -> r.userName(request.userName())
                    .serialNumber(enrolled.result().mfaSerialNumber()).authenticationCode1(c1)
                    .authenticationCode2(c2));
            assertTrue(expected, "Resync accepted but the model expected a refusal");
            deviceLastStep = s + 1;
        } catch (IamException e) {
            assertFalse(expected, "Resync refused but the model expected success: " + e.getMessage());
        }
    }

    void deactivate() {
        try {
            driver.admin().deactivateMFADevice(r -> r.userName(request.userName())
                    .serialNumber(enrolled.result().mfaSerialNumber()));
            assertTrue(deviceActive, "deactivating an unassigned device must fail");
            deviceActive = false;
        } catch (IamException e) {
            assertFalse(deviceActive, "deactivating the enabled device failed: " + e.getMessage());
            assertEquals("NoSuchEntity", e.awsErrorDetails().errorCode());
        }
    }

    void rotateAccessKey() {
        AccessKey fresh = driver.admin().createAccessKey(r -> r.userName(request.userName())).accessKey();
        String old = userKey.accessKeyId();
        driver.admin().deleteAccessKey(r -> r.userName(request.userName()).accessKeyId(old));
        retiredKeys.add(old);
        SessionCredentials oldKey = userKey;
        userKey = SessionCredentials.of(fresh.accessKeyId(), fresh.secretAccessKey(), null, null);
        rebuildAssumer();
        StsException e = assertThrows(StsException.class, () -> driver.sts(FlowDriver.provider(oldKey))
                .getCallerIdentity());
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode(), "a deleted key must be refused");
    }

    void powerCycleKey() {
        driver.powerCycleKey();
        if (enrolled != null) {
            Instant now = backend.clock().instant();
            try {
                driver.code(enrolled, now);
            } catch (RuntimeException e) {
                fail("the credential must survive a power cycle: " + e.getMessage());
            }
        }
    }

    void advance(long seconds) {
        backend.advance(Duration.ofSeconds(seconds));
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public String toString() {
        return "FlowWorld[enrolled=" + enrolled() + ", active=" + deviceActive + ", deviceLastStep=" + deviceLastStep
                + ", assumerLastStep=" + assumerLastStep + ", retiredKeys=" + retiredKeys.size() + "]";
    }
}

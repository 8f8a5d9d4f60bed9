package dev.ykmfa.conformance.flow;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import dev.ykmfa.aws.MfaEnrollment;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.aws.YubiKeyMfaCodeSource;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.backend.Capability;
import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Runs aws-flow's enrollment and assume-role against a backend with the key under test, the way the blog does, and
 * cleans up after itself: the OATH credential it programmed is deleted from the key, and on persistent backends
 * (a real AWS account) every IAM entity it created is deleted.
 */
public final class FlowDriver implements AutoCloseable {
    /** The step length of AWS virtual MFA devices. */
    public static final Duration STEP = Duration.ofSeconds(30);
    private static final int REAL_TIME_ATTEMPTS = 3;

    private final KeyUnderTest key;
    private final BackendUnderTest backend;
    private final IamClient admin;
    private final List<StsClient> clients = new ArrayList<>();
    private final List<Enrolled> enrolled = new ArrayList<>();
    private final UserInteraction interaction;
    private OathSession session;

    /**
     * @param key the key under test
     * @param backend the backend under test
     */
    public FlowDriver(KeyUnderTest key, BackendUnderTest backend) {
        this.key = key;
        this.backend = backend;
        this.admin = backend.iam(backend.adminCredentials());
        this.session = key.open();
        this.interaction = new UserInteraction() {
            @Override
            public void notice(String message) {
                key.announceTouch(message);
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                return Optional.empty();
            }
        };
    }

    /** What one enrollment produced. */
    public record Enrolled(EnrollmentRequest request, EnrollmentResult result, SessionCredentials userKey) {
        /** @return the user's long-term key as an SDK credentials provider */
        public AwsCredentialsProvider userCredentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(userKey.accessKeyId(),
                    userKey.secretAccessKey()));
        }

        @Override
        public String toString() {
            return "Enrolled[" + result.mfaSerialNumber() + "]";
        }
    }

    /** @return the admin IAM client */
    public IamClient admin() {
        return admin;
    }

    /** @return the backend */
    public BackendUnderTest backend() {
        return backend;
    }

    /** @return the open OATH session */
    public OathSession session() {
        return session;
    }

    /**
     * The blog's request with names unique on the backend and, on a key in a reader, a credential name under the
     * suite's prefix.
     *
     * @param user base user name
     * @return a request builder
     */
    public EnrollmentRequest.Builder request(String user) {
        String userName = backend.unique(user);
        EnrollmentRequest.Builder b = EnrollmentRequest.builder().userName(userName)
                .roleName(backend.unique("developer-ec2-mfa")).groupName(backend.unique("developers-mfa"))
                .policyName(backend.unique("yubi-policy-mfa-level-one"))
                .rolePolicyArn(backend.rolePolicyArn(admin));
        key.flowCredentialName(userName).ifPresent(b::credentialName);
        return b;
    }

    /**
     * Enrolls; on a controllable clock it then moves past the two steps the enabling codes consumed, as a person
     * would simply wait, so the first sign-in code is fresh.
     *
     * @param request the request
     * @return the outcome with the new user's key
     */
    public Enrolled enroll(EnrollmentRequest request) {
        EnrollmentResult r = MfaEnrollment.builder().iamClient(admin).oathSession(session).interaction(interaction)
                .clock(backend.clock()).sleeper(backend.sleeper()).build().enroll(request);
        Enrolled e = new Enrolled(request, r, r.newAccessKey().orElse(null));
        enrolled.add(e);
        if (backend.has(Capability.CONTROLLABLE_CLOCK)) {
            backend.advance(STEP.multipliedBy(2));
        }
        return e;
    }

    /**
     * @param e an enrollment
     * @param tweak changes to the builder (duration, session name…)
     * @return an assumer reading codes from the key under test, on the backend's clock
     */
    public MfaRoleAssumer assumer(Enrolled e, UnaryOperator<MfaRoleAssumer.Builder> tweak) {
        StsClient sts = sts(e.userCredentials());
        YubiKeyMfaCodeSource.Builder codes = YubiKeyMfaCodeSource.builder().oathSession(session)
                .interaction(interaction);
        codes.credentialName(e.result().credentialName());
        MfaRoleAssumer.Builder b = MfaRoleAssumer.builder().stsClient(sts).codeSource(codes.build())
                .roleArn(e.result().roleArn()).serialNumber(e.result().mfaSerialNumber())
                .roleSessionName("conformance").clock(backend.clock()).sleeper(backend.sleeper())
                .maxAttempts(backend.has(Capability.CONTROLLABLE_CLOCK) ? 1 : REAL_TIME_ATTEMPTS);
        return tweak.apply(b).build();
    }

    /**
     * @param credentials who signs
     * @return an STS client closed with the driver
     */
    public StsClient sts(AwsCredentialsProvider credentials) {
        StsClient c = backend.sts(credentials);
        clients.add(c);
        return c;
    }

    /**
     * @param s session credentials
     * @return them as an SDK provider
     */
    public static AwsCredentialsProvider provider(SessionCredentials s) {
        return StaticCredentialsProvider.create(s.sessionToken().isPresent()
                ? AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken().get())
                : AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
    }

    /**
     * @param e an enrollment
     * @param time a moment
     * @return the key's code for that enrollment's credential at {@code time}
     */
    public String code(Enrolled e, Instant time) {
        return session.calculate(credentialId(e), time).value();
    }

    /**
     * @param e an enrollment
     * @return the OATH credential that holds its seed
     */
    public CredentialId credentialId(Enrolled e) {
        return CredentialId.of(null, e.result().credentialName(), OathType.TOTP, (int) STEP.getSeconds());
    }

    /** Power-cycles the key (or resets it through PC/SC) and opens a new session. */
    public void powerCycleKey() {
        session.close();
        key.powerCycle();
        session = key.open();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            for (Enrolled e : enrolled) {
                byte[] wanted = credentialId(e).toBytes();
                for (Credential c : session.list()) {
                    if (Arrays.equals(c.id().toBytes(), wanted)) {
                        session.delete(c.id());
                    }
                }
            }
        } catch (RuntimeException ex) {
            failure = ex;
        }
        if (backend.cleanUpAfterTests()) {
            for (Enrolled e : enrolled) {
                IamCleanup.deleteEnrollment(admin, e.request(), e.result());
            }
        }
        session.close();
        clients.forEach(StsClient::close);
        admin.close();
        if (failure != null) {
            throw new IllegalStateException("could not delete the flow's credential from the key: "
                    + failure.getMessage(), failure);
        }
    }
}

package dev.ykmfa.conformance.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.conformance.Needs;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.backend.AwsSimBackend;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.backend.Capability;
import dev.ykmfa.conformance.flow.FlowDriver.Enrolled;
import dev.ykmfa.conformance.key.KeyUnderTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Enroll and assume with generated names: user, role and session names up to their maximum lengths with every
 * character IAM allows, path prefixes, and all three partitions where the backend serves them. Expected: the ARNs
 * AWS forms from them ({@code …:mfa<path><user>}, {@code …:role<path><role>}, the assumed-role ARN without the
 * path), or — when the default credential name (the MFA ARN) exceeds the key's 64 bytes — a refusal before any AWS
 * call.
 */
class GeneratedNamesPropertiesIT {
    private static final String IAM_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";
    private static final int MAX_USER = 64;
    private static final int MAX_ROLE = 64;
    private static final int MAX_SESSION = 64;
    private static final AtomicInteger TRIES = new AtomicInteger();

    /** One generated case. */
    record Names(String user, String role, String session, String path, boolean explicitCredentialName,
                 String partition) {
    }

    @Property(tries = 15)
    @Needs(backend = true)
    void enrollAndAssume_withGeneratedNamesPathsAndPartitions(@ForAll("names") Names names) {
        KeyUnderTest key = Suite.key();
        BackendUnderTest shared = Suite.backend();
        boolean fresh = shared.has(Capability.PARTITIONS);
        BackendUnderTest backend = fresh ? new AwsSimBackend(names.partition()) : shared;
        try (FlowDriver d = new FlowDriver(key, backend)) {
            String suffix = fresh ? "" : "-" + TRIES.incrementAndGet();
            String user = fit(names.user(), MAX_USER, suffix);
            String role = fit(names.role(), MAX_ROLE, suffix);
            EnrollmentRequest.Builder b = EnrollmentRequest.builder().userName(user).roleName(role)
                    .path(names.path()).groupName("g" + suffix + "-" + TRIES.incrementAndGet())
                    .policyName("p" + suffix + "-" + TRIES.incrementAndGet()).rolePolicyArn(backend.rolePolicyArn(
                            d.admin()));
            if (names.explicitCredentialName() || key.inReader()) {
                b.credentialName(KeyUnderTest.CREDENTIAL_PREFIX + "names-" + TRIES.incrementAndGet());
            }
            EnrollmentRequest request = b.build();
            String account;
            try (StsClient admin = backend.sts(backend.adminCredentials())) {
                account = admin.getCallerIdentity().account();
            }
            String p = backend.partition();
            String mfaArn = "arn:" + p + ":iam::" + account + ":mfa" + names.path() + user;

            if (request.credentialName().isEmpty() && mfaArn.getBytes(StandardCharsets.UTF_8).length > 64) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.enroll(request));
                assertTrue(e.getMessage().contains("64"), e.getMessage());
                assertThrows(NoSuchEntityException.class, () -> d.admin().getUser(r -> r.userName(user)),
                        "nothing may be created when the name cannot fit on the key");
                return;
            }
            Enrolled e = d.enroll(request);
            assertEquals(mfaArn, e.result().mfaSerialNumber());
            assertEquals("arn:" + p + ":iam::" + account + ":role" + names.path() + role, e.result().roleArn());
            assertEquals("arn:" + p + ":iam::" + account + ":user" + names.path() + user, e.result().userArn());

            AssumeRoleResponse assumed = d.assumer(e, x -> x.roleSessionName(names.session())).assumeRole();
            assertEquals("arn:" + p + ":sts::" + account + ":assumed-role/" + role + "/" + names.session(),
                    assumed.assumedRoleUser().arn(), "the assumed-role ARN carries no path");
            assertTrue(assumed.assumedRoleUser().assumedRoleId().endsWith(":" + names.session()));
        } finally {
            if (fresh) {
                backend.close();
            }
        }
    }

    private static String fit(String name, int max, String suffix) {
        return name.substring(0, Math.min(name.length(), max - suffix.length())) + suffix;
    }

    @Provide
    Arbitrary<Names> names() {
        Arbitrary<String> user = iamName(MAX_USER);
        Arbitrary<String> role = iamName(MAX_ROLE);
        Arbitrary<String> session = Arbitraries.strings().withChars(IAM_NAME_CHARS).ofMinLength(2)
                .ofMaxLength(MAX_SESSION).edgeCases(c -> c.add("x".repeat(MAX_SESSION)));
        Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> path = segment.list().ofMaxSize(3).map(l -> l.isEmpty() ? "/" : "/" + String.join("/", l)
                + "/");
        Arbitrary<String> partition = Arbitraries.of("aws", "aws-cn", "aws-us-gov");
        return Combinators.combine(user, role, session, path, Arbitraries.of(true, false), partition)
                .as(Names::new);
    }

    private static Arbitrary<String> iamName(int max) {
        return Arbitraries.strings().withChars(IAM_NAME_CHARS).ofMinLength(1).ofMaxLength(max)
                .edgeCases(c -> c.add("U".repeat(max)));
    }
}

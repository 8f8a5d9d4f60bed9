package dev.ykmfa.aws;

import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The admin's half of the blog (part 1), given an {@link IamClient} and an open, unlocked {@link OathSession}:
 * role (trusting the account, permission policy attached), customer policy allowing {@code sts:AssumeRole} on that
 * role only with {@code Bool aws:MultiFactorAuthPresent true}, group with the policy, user in the group, an access
 * key, the virtual MFA device named after the user, its seed programmed into the key (TOTP, SHA-1, 6 digits, 30 s,
 * touch optional) under the device ARN, and the device enabled with two consecutive codes.
 *
 * <p>Re-running is safe: every entity is looked up first and reused (or updated, for the role's MaxSessionDuration);
 * nothing is duplicated; an existing entity that contradicts the request (a policy allowing another role, a device
 * enabled while the key lacks its credential, a device owned by another user) is reported as an
 * {@link AwsFlowException} naming what exists and how to resolve it. An access key is created only for a user who has
 * none (never a second pair on a re-run); existing key ids are reported.
 *
 * <p>Codes: the first from the key for the current step, the second from the key's calculate with an explicit time
 * in the next step — no 30-second wait. If AWS refuses that pair ({@code InvalidAuthenticationCode}), the enrollment
 * waits until the next step begins and sends the previous and the current step's codes.
 *
 * <p>The credential name (the MFA ARN by default) must fit the key's 64 bytes; when it does not, the enrollment fails
 * before any AWS call, saying so and offering {@link EnrollmentRequest.Builder#credentialName}.
 */
public final class MfaEnrollment {
    private static final String ACCOUNT_PLACEHOLDER = "123456789012";

    private final IamClient iam;
    private final OathSession key;
    private final UserInteraction interaction;
    private final Clock clock;
    private final Sleeper sleeper;

    private MfaEnrollment(Builder b) {
        this.iam = Objects.requireNonNull(b.iam, "iamClient");
        this.key = Objects.requireNonNull(b.key, "oathSession");
        this.interaction = b.interaction;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that the key can hold the credential name for {@code request} in {@code partition}, without calling AWS.
     *
     * @param request   the request
     * @param partition the partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
     * @return the credential name that will be used
     * @throws IllegalArgumentException when it does not fit, with the fix
     */
    public static String checkCredentialName(EnrollmentRequest request, String partition) {
        String predicted = AwsArns.iam(partition, ACCOUNT_PLACEHOLDER, "mfa", request.path(), request.userName());
        String name = request.credentialName().orElse(predicted);
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length > AwsFlowConstants.MAX_OATH_CREDENTIAL_ID_BYTES) {
            if (request.credentialName().isPresent()) {
                throw new IllegalArgumentException("The credential name '" + name + "' is " + length
                        + " bytes, but a YubiKey OATH credential name holds at most "
                        + AwsFlowConstants.MAX_OATH_CREDENTIAL_ID_BYTES + ": choose a shorter one");
            }
            throw new IllegalArgumentException("The MFA device ARN " + AwsArns.iam(partition, "<account>", "mfa",
                    request.path(), request.userName()) + " is " + length + " bytes, but a YubiKey OATH credential "
                    + "name holds at most " + AwsFlowConstants.MAX_OATH_CREDENTIAL_ID_BYTES + ": give an explicit "
                    + "shorter credential name (e.g. --credential-name " + shortName(request) + ") and pass it again "
                    + "when assuming the role. Nothing was created.");
        }
        return name;
    }

    private static String shortName(EnrollmentRequest request) {
        String candidate = "aws:" + request.userName();
        return candidate.length() <= AwsFlowConstants.MAX_OATH_CREDENTIAL_ID_BYTES ? candidate
                : candidate.substring(0, AwsFlowConstants.MAX_OATH_CREDENTIAL_ID_BYTES);
    }

    /**
     * Runs the enrollment.
     *
     * @param request what to set up
     * @return the hand-off and what was created or reused
     * @throws IllegalArgumentException when the credential name cannot fit (before any AWS call)
     * @throws AwsFlowException         when AWS refuses or an existing entity conflicts with the request
     */
    public EnrollmentResult enroll(EnrollmentRequest request) {
        String regionPartition = AwsArns.partitionOfRegion(iam.serviceClientConfiguration().region());
        checkCredentialName(request, regionPartition);
        Map<String, EnrollmentResult.Outcome> outcomes = new LinkedHashMap<>();
        try {
            User user = ensureUser(request, outcomes);
            String partition = AwsArns.partitionOf(user.arn());
            String account = AwsArns.accountOf(user.arn());
            String credentialName = checkCredentialName(request, partition);
            String mfaArn = AwsArns.iam(partition, account, "mfa", request.path(), request.userName());
            if (request.credentialName().isEmpty()) {
                credentialName = mfaArn;
            }
            Role role = ensureRole(request, partition, account, outcomes);
            String rolePolicyArn = request.rolePolicyArn()
                    .orElse(AwsArns.awsManagedPolicy(partition, AwsFlowConstants.DEFAULT_ROLE_POLICY_NAME));
            ensureRolePolicy(role.roleName(), rolePolicyArn, created(outcomes, "role"), outcomes);
            String policyArn = ensureAssumePolicy(request, partition, account, role.arn(), outcomes);
            ensureGroup(request, policyArn, outcomes);
            ensureMembership(request, outcomes);
            List<String> existingKeys = new ArrayList<>();
            SessionCredentials newKey = ensureAccessKey(request, existingKeys, outcomes);
            List<String> codes = ensureMfa(request, mfaArn, credentialName, outcomes);
            return new EnrollmentResult(user.arn(), role.arn(), policyArn, mfaArn, credentialName, newKey,
                    existingKeys, outcomes, codes);
        } catch (AwsServiceException e) {
            throw new AwsFlowException("Enrollment failed at " + describeStep(outcomes) + ": "
                    + errorCode(e) + ": " + errorMessage(e) + " — check the admin credentials' IAM permissions and "
                    + "re-run (existing entities are reused).", errorCode(e), e);
        }
    }

    private static String describeStep(Map<String, EnrollmentResult.Outcome> outcomes) {
        return outcomes.isEmpty() ? "the first IAM call" : "the step after '"
                + new ArrayList<>(outcomes.keySet()).get(outcomes.size() - 1) + "'";
    }

    private User ensureUser(EnrollmentRequest request, Map<String, EnrollmentResult.Outcome> outcomes) {
        try {
            User user = iam.getUser(r -> r.userName(request.userName())).user();
            outcomes.put("user", EnrollmentResult.Outcome.REUSED);
            return user;
        } catch (NoSuchEntityException e) {
            User user = iam.createUser(r -> r.userName(request.userName()).path(request.path())).user();
            outcomes.put("user", EnrollmentResult.Outcome.CREATED);
            return user;
        }
    }

    private Role ensureRole(EnrollmentRequest request, String partition, String account,
                            Map<String, EnrollmentResult.Outcome> outcomes) {
        int maxSession = (int) request.maxSessionDuration().getSeconds();
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(request.roleName())).role();
        } catch (NoSuchEntityException e) {
            String trust = "{\"Version\":\"" + AwsFlowConstants.POLICY_VERSION + "\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Principal\":{\"AWS\":\"" + AwsArns.accountRoot(partition, account) + "\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}";
            role = iam.createRole(r -> r.roleName(request.roleName()).path(request.path())
                    .assumeRolePolicyDocument(trust).maxSessionDuration(maxSession)
                    .description("Assumed with YubiKey MFA (ykmfa)")).role();
            outcomes.put("role", EnrollmentResult.Outcome.CREATED);
            return role;
        }
        String trust = decode(role.assumeRolePolicyDocument());
        if (trust != null && !trust.contains(account)) {
            throw new AwsFlowException("Role " + role.arn() + " already exists but its trust policy does not trust "
                    + "account " + account + ": choose another role name or fix its trust policy.");
        }
        if (role.maxSessionDuration() == null || role.maxSessionDuration() != maxSession) {
            iam.updateRole(r -> r.roleName(request.roleName()).maxSessionDuration(maxSession));
            outcomes.put("role", EnrollmentResult.Outcome.UPDATED);
        } else {
            outcomes.put("role", EnrollmentResult.Outcome.REUSED);
        }
        return role;
    }

    private static boolean created(Map<String, EnrollmentResult.Outcome> outcomes, String entity) {
        return outcomes.get(entity) == EnrollmentResult.Outcome.CREATED;
    }

    private void ensureRolePolicy(String roleName, String policyArn, boolean newRole,
                                  Map<String, EnrollmentResult.Outcome> outcomes) {
        // a role created by this run has no attachments: skip the listing
        boolean attached = !newRole && iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                .attachedPolicies().stream().map(AttachedPolicy::policyArn).anyMatch(policyArn::equals);
        if (!attached) {
            iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));
        }
        outcomes.put("rolePolicy", attached ? EnrollmentResult.Outcome.REUSED : EnrollmentResult.Outcome.CREATED);
    }

    private String ensureAssumePolicy(EnrollmentRequest request, String partition, String account, String roleArn,
                                      Map<String, EnrollmentResult.Outcome> outcomes) {
        String policyArn = AwsArns.iam(partition, account, "policy", request.path(), request.policyName());
        Policy existing;
        try {
            existing = iam.getPolicy(r -> r.policyArn(policyArn)).policy();
        } catch (NoSuchEntityException e) {
            existing = null;
        }
        if (existing == null) {
            String document = "{\"Version\":\"" + AwsFlowConstants.POLICY_VERSION + "\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + roleArn + "\",\"Condition\":"
                    + "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
            Policy created = iam.createPolicy(r -> r.policyName(request.policyName()).path(request.path())
                    .policyDocument(document)
                    .description("Allows sts:AssumeRole on " + request.roleName() + " only with MFA")).policy();
            outcomes.put("policy", EnrollmentResult.Outcome.CREATED);
            return created.arn();
        }
        String versionId = existing.defaultVersionId();
        String document = decode(iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(versionId))
                .policyVersion().document());
        if (document == null || !document.contains(roleArn) || !document.contains("MultiFactorAuthPresent")) {
            throw new AwsFlowException("Policy " + policyArn + " already exists but does not allow sts:AssumeRole on "
                    + roleArn + " with MFA: choose another policy name or update that policy.");
        }
        outcomes.put("policy", EnrollmentResult.Outcome.REUSED);
        return policyArn;
    }

    private void ensureGroup(EnrollmentRequest request, String policyArn,
                             Map<String, EnrollmentResult.Outcome> outcomes) {
        Group group;
        try {
            group = iam.getGroup(r -> r.groupName(request.groupName())).group();
            outcomes.put("group", EnrollmentResult.Outcome.REUSED);
        } catch (NoSuchEntityException e) {
            group = iam.createGroup(r -> r.groupName(request.groupName()).path(request.path())).group();
            outcomes.put("group", EnrollmentResult.Outcome.CREATED);
        }
        String groupName = group.groupName();
        boolean attached = !created(outcomes, "group")
                && iam.listAttachedGroupPoliciesPaginator(r -> r.groupName(groupName)).attachedPolicies()
                .stream().map(AttachedPolicy::policyArn).anyMatch(policyArn::equals);
        if (!attached) {
            iam.attachGroupPolicy(r -> r.groupName(groupName).policyArn(policyArn));
        }
        outcomes.put("groupPolicy", attached ? EnrollmentResult.Outcome.REUSED : EnrollmentResult.Outcome.CREATED);
    }

    private void ensureMembership(EnrollmentRequest request, Map<String, EnrollmentResult.Outcome> outcomes) {
        boolean member = !created(outcomes, "user") && !created(outcomes, "group")
                && iam.listGroupsForUserPaginator(r -> r.userName(request.userName())).groups().stream()
                .map(Group::groupName).anyMatch(request.groupName()::equals);
        if (!member) {
            iam.addUserToGroup(r -> r.userName(request.userName()).groupName(request.groupName()));
        }
        outcomes.put("membership", member ? EnrollmentResult.Outcome.REUSED : EnrollmentResult.Outcome.CREATED);
    }

    private SessionCredentials ensureAccessKey(EnrollmentRequest request, List<String> existingKeys,
                                               Map<String, EnrollmentResult.Outcome> outcomes) {
        if (!created(outcomes, "user")) {
            iam.listAccessKeysPaginator(r -> r.userName(request.userName())).accessKeyMetadata().stream()
                    .map(AccessKeyMetadata::accessKeyId).forEach(existingKeys::add);
        }
        if (!request.createAccessKey() || !existingKeys.isEmpty()) {
            outcomes.put("accessKey", existingKeys.isEmpty() ? EnrollmentResult.Outcome.SKIPPED
                    : EnrollmentResult.Outcome.REUSED);
            return null;
        }
        AccessKey created = iam.createAccessKey(r -> r.userName(request.userName())).accessKey();
        outcomes.put("accessKey", EnrollmentResult.Outcome.CREATED);
        return SessionCredentials.of(created.accessKeyId(), created.secretAccessKey(), null, null);
    }

    private List<String> ensureMfa(EnrollmentRequest request, String mfaArn, String credentialName,
                                   Map<String, EnrollmentResult.Outcome> outcomes) {
        CredentialId id = CredentialId.of(null, credentialName, OathType.TOTP,
                (int) AwsFlowConstants.TOTP_PERIOD.getSeconds());
        Optional<MFADevice> enabled = created(outcomes, "user") ? Optional.empty()
                : iam.listMFADevicesPaginator(r -> r.userName(request.userName())).mfaDevices()
                .stream().filter(d -> mfaArn.equals(d.serialNumber())).findFirst();
        if (enabled.isPresent()) {
            boolean onKey = key.list().stream().map(Credential::id)
                    .anyMatch(c -> Arrays.equals(c.toBytes(), id.toBytes()));
            if (!onKey) {
                throw new AwsFlowException("MFA device " + mfaArn + " is already enabled for " + request.userName()
                        + " but this YubiKey has no credential '" + credentialName + "' (AWS never reveals the seed "
                        + "again): use the key that was enrolled, or deactivate and delete the device "
                        + "(aws iam deactivate-mfa-device / delete-virtual-mfa-device) and re-run.");
            }
            outcomes.put("mfaDevice", EnrollmentResult.Outcome.REUSED);
            outcomes.put("keyCredential", EnrollmentResult.Outcome.REUSED);
            outcomes.put("mfaEnabled", EnrollmentResult.Outcome.REUSED);
            return List.of();
        }
        EnrollmentResult.Outcome deviceOutcome = EnrollmentResult.Outcome.CREATED;
        CreateVirtualMfaDeviceResponse device;
        try {
            device = createDevice(request);
        } catch (EntityAlreadyExistsException e) {
            // Exists but is not enabled for this user (checked above): look at it only now.
            Optional<VirtualMFADevice> existing = iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(
                    AssignmentStatusType.ANY)).virtualMFADevices().stream()
                    .filter(d -> mfaArn.equals(d.serialNumber())).findFirst();
            if (existing.isPresent() && existing.get().user() != null && existing.get().user().userName() != null) {
                throw new AwsFlowException("MFA device " + mfaArn + " is assigned to user "
                        + existing.get().user().userName() + ": choose another user or path.");
            }
            // An unassigned device from an interrupted run: its seed is gone, so replace it.
            iam.deleteVirtualMFADevice(r -> r.serialNumber(mfaArn));
            device = createDevice(request);
            deviceOutcome = EnrollmentResult.Outcome.UPDATED;
        }
        String serial = device.virtualMFADevice().serialNumber();
        if (!mfaArn.equals(serial)) {
            throw new AwsFlowException("AWS named the new MFA device " + serial + " instead of " + mfaArn
                    + ": check the path and user name.");
        }
        outcomes.put("mfaDevice", deviceOutcome);
        byte[] seed = Base32.decode(device.virtualMFADevice().base32StringSeed().asUtf8String());
        try {
            key.put(CredentialData.builder(id, seed).touch(request.touch()).build());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        outcomes.put("keyCredential", EnrollmentResult.Outcome.CREATED);
        List<String> codes = enable(request, mfaArn, id);
        outcomes.put("mfaEnabled", EnrollmentResult.Outcome.CREATED);
        return codes;
    }

    private CreateVirtualMfaDeviceResponse createDevice(EnrollmentRequest request) {
        return iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(request.userName()).path(request.path()));
    }

    private List<String> enable(EnrollmentRequest request, String mfaArn, CredentialId id) {
        Instant now = clock.instant();
        Instant next = now.plus(AwsFlowConstants.TOTP_PERIOD);
        List<String> codes = List.of(readCode(id, now, 1, request.touch()), readCode(id, next, 2, request.touch()));
        try {
            sendEnable(request.userName(), mfaArn, codes);
            return codes;
        } catch (AwsServiceException e) {
            if (!AwsFlowConstants.ERROR_INVALID_AUTHENTICATION_CODE.equals(errorCode(e))) {
                throw e;
            }
        }
        long period = AwsFlowConstants.TOTP_PERIOD.getSeconds();
        Instant nextStepStart = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), period) + 1) * period);
        interaction.notice("AWS wants codes that are not in the future: waiting "
                + Math.max(0, Duration.between(clock.instant(), nextStepStart).toSeconds()) + " s for the next code…");
        try {
            sleeper.sleep(Duration.between(clock.instant(), nextStepStart));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsFlowException("Interrupted while waiting for the next MFA code");
        }
        Instant current = clock.instant();
        List<String> fallback = List.of(readCode(id, current.minus(AwsFlowConstants.TOTP_PERIOD), 1,
                request.touch()), readCode(id, current, 2, request.touch()));
        try {
            sendEnable(request.userName(), mfaArn, fallback);
        } catch (AwsServiceException e) {
            throw new AwsFlowException("AWS refused two consecutive codes for " + mfaArn + " (" + errorCode(e)
                    + ": " + errorMessage(e) + "): check this computer's clock, then re-run (the unassigned "
                    + "device is replaced).", errorCode(e), e);
        }
        return fallback;
    }

    private void sendEnable(String userName, String mfaArn, List<String> codes) {
        iam.enableMFADevice(EnableMfaDeviceRequest.builder().userName(userName).serialNumber(mfaArn)
                .authenticationCode1(codes.get(0)).authenticationCode2(codes.get(1))
                .overrideConfiguration(MfaRequests.noRetryOverride()).build());
    }

    private String readCode(CredentialId id, Instant time, int ordinal, boolean touch) {
        if (touch) {
            interaction.notice("Touch your YubiKey… (code " + ordinal + " of 2)");
        }
        return key.calculate(id, time).value();
    }

    private static String decode(String document) {
        return document == null ? null : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String errorMessage(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    @Override
    public String toString() {
        return "MfaEnrollment{key=" + key + "}";
    }

    /** Builds a {@link MfaEnrollment}. */
    public static final class Builder {
        private IamClient iam;
        private OathSession key;
        private UserInteraction interaction = UserInteraction.terminal();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /**

         * @param iam the IAM client with admin credentials (required)

         * @return this

         */
        public Builder iamClient(IamClient iam) {
            this.iam = iam;
            return this;
        }

        /**

         * @param key an open OATH session, unlocked if password-protected (required)

         * @return this

         */
        public Builder oathSession(OathSession key) {
            this.key = key;
            return this;
        }

        /**

         * @param interaction where touch prompts go; default {@link UserInteraction#terminal()}

         * @return this

         */
        public Builder interaction(UserInteraction interaction) {
            this.interaction = Objects.requireNonNull(interaction, "interaction");
            return this;
        }

        /**

         * @param clock the time for the codes; default the system UTC clock

         * @return this

         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**

         * @param sleeper how to wait for the next step (fallback only); default {@link Sleeper#system()}

         * @return this

         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @return the enrollment */
        public MfaEnrollment build() {
            return new MfaEnrollment(this);
        }
    }
}

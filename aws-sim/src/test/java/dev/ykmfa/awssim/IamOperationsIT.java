package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.awssim.iam.QrCodePngTest;
import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.Totp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** IAM operations beyond the blog's happy path, with the real SDK: shapes, filters, limits and error answers. */
class IamOperationsIT extends FreshSimulator {
    private IamClient iam;

    @BeforeEach
    void start() {
        SdkClients c = new SdkClients(sim);
        iam = c.iam(c.admin());
    }

    @Test
    void createVirtualMfaDevice_returnsBase32SeedAndQrPngOfTheOtpauthUri() throws Exception {
        VirtualMFADevice d = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("JohnDoe").path("/team/"))
                .virtualMFADevice();
        assertEquals("arn:aws:iam::123456789012:mfa/team/JohnDoe", d.serialNumber());
        String base32 = d.base32StringSeed().asUtf8String();
        assertTrue(base32.matches("[A-Z2-7]{32}"), base32);
        assertEquals(20, Base32.decode(base32).length);
        assertEquals("otpauth://totp/JohnDoe@123456789012?secret=" + base32,
                QrCodePngTest.decode(d.qrCodePNG().asByteArray()));
    }

    @Test
    void mfaLifecycle_enableListResyncDeactivateDelete() {
        iam.createUser(b -> b.userName("JohnDoe"));
        VirtualMFADevice d = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("JohnDoe")).virtualMFADevice();
        Totp t = Totp.builder(Base32.decode(d.base32StringSeed().asUtf8String())).build();

        assertEquals(List.of(d.serialNumber()), serials(AssignmentStatusType.UNASSIGNED));
        assertEquals(List.of(), serials(AssignmentStatusType.ASSIGNED));
        assertEquals(List.of(d.serialNumber()), iam.listVirtualMFADevices().virtualMFADevices().stream()
                .map(VirtualMFADevice::serialNumber).collect(Collectors.toList()), "default is Any");

        iam.enableMFADevice(b -> b.userName("JohnDoe").serialNumber(d.serialNumber())
                .authenticationCode1(t.generateString(clock.instant().minusSeconds(30)))
                .authenticationCode2(t.generateString(clock.instant())));
        assertEquals(List.of(d.serialNumber()), serials(AssignmentStatusType.ASSIGNED));
        VirtualMFADevice listed = iam.listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.ASSIGNED))
                .virtualMFADevices().get(0);
        assertEquals("JohnDoe", listed.user().userName());
        assertNotNull(listed.enableDate());
        assertEquals(d.serialNumber(), iam.listMFADevices(b -> b.userName("JohnDoe")).mfaDevices().get(0)
                .serialNumber());

        IamException inUse = assertThrows(EntityAlreadyExistsException.class, () -> {
            iam.createUser(b -> b.userName("Other"));
            iam.enableMFADevice(b -> b.userName("Other").serialNumber(d.serialNumber())
                    .authenticationCode1("123456").authenticationCode2("654321"));
        });
        assertEquals("MFA Device is already in use.", inUse.awsErrorDetails().errorMessage());
        assertEquals(409, inUse.statusCode());

        // The device's clock runs 5 steps ahead: resync with two consecutive codes read from it.
        clock.advance(Duration.ofSeconds(60));
        java.time.Instant deviceNow = clock.instant().plusSeconds(150);
        iam.resyncMFADevice(b -> b.userName("JohnDoe").serialNumber(d.serialNumber())
                .authenticationCode1(t.generateString(deviceNow.minusSeconds(30)))
                .authenticationCode2(t.generateString(deviceNow)));
        assertEquals(5, sim.store().findMfaDevice(d.serialNumber()).drift());

        IamException conflict = assertThrows(IamException.class,
                () -> iam.deleteVirtualMFADevice(b -> b.serialNumber(d.serialNumber())));
        assertEquals("DeleteConflict", conflict.awsErrorDetails().errorCode());
        assertEquals(409, conflict.statusCode());
        iam.deactivateMFADevice(b -> b.userName("JohnDoe").serialNumber(d.serialNumber()));
        assertEquals(List.of(), iam.listMFADevices(b -> b.userName("JohnDoe")).mfaDevices());
        iam.deleteVirtualMFADevice(b -> b.serialNumber(d.serialNumber()));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class,
                () -> iam.deleteVirtualMFADevice(b -> b.serialNumber(d.serialNumber())));
        assertEquals("MFA Device with serial number " + d.serialNumber() + " does not exist.",
                gone.awsErrorDetails().errorMessage());
    }

    private List<String> serials(AssignmentStatusType status) {
        return iam.listVirtualMFADevices(b -> b.assignmentStatus(status)).virtualMFADevices().stream()
                .map(VirtualMFADevice::serialNumber).collect(Collectors.toList());
    }

    @Test
    void createVirtualMfaDevice_twice_isAlreadyExists_andBadPathIsValidationError() {
        iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("dup"));
        EntityAlreadyExistsException e = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("dup")));
        assertEquals("MFA device already exists.", e.awsErrorDetails().errorMessage());
        IamException bad = assertThrows(IamException.class,
                () -> iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("x").path("no-slashes")));
        assertEquals("ValidationError", bad.awsErrorDetails().errorCode());
        assertEquals("The specified value for path is invalid. It must begin and end with / and contain only"
                + " alphanumeric characters and/or / characters.", bad.awsErrorDetails().errorMessage());
    }

    @Test
    void roles_pathTrustPolicyUrlEncodedMaxSessionDurationRange() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":\"sts:AssumeRole\"}]}";
        CreateRoleResponse r = iam.createRole(b -> b.roleName("ops").path("/eng/").assumeRolePolicyDocument(trust)
                .maxSessionDuration(43200).description("on-call"));
        assertEquals("arn:aws:iam::123456789012:role/eng/ops", r.role().arn());
        assertTrue(r.role().assumeRolePolicyDocument().startsWith("%7B%22Version%22%3A%222012-10-17%22"));
        assertEquals(trust, URLDecoder.decode(r.role().assumeRolePolicyDocument(), StandardCharsets.UTF_8));
        assertEquals(43200, iam.getRole(b -> b.roleName("OPS")).role().maxSessionDuration());
        IamException range = assertThrows(IamException.class,
                () -> iam.updateRole(b -> b.roleName("ops").maxSessionDuration(43201)));
        assertEquals("ValidationError", range.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy"
                + " constraint: Member must have value less than or equal to 43200", range.awsErrorDetails()
                .errorMessage());
        assertEquals(400, range.statusCode());
        EntityAlreadyExistsException dup = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createRole(b -> b.roleName("Ops").assumeRolePolicyDocument(trust)));
        assertEquals("Role with name Ops already exists.", dup.awsErrorDetails().errorMessage());
        MalformedPolicyDocumentException bad = assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(b -> b.roleName("x").assumeRolePolicyDocument("{not json")));
        assertEquals("This policy contains invalid Json", bad.awsErrorDetails().errorMessage());
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                () -> iam.getRole(b -> b.roleName("nope")));
        assertEquals("The role with name nope cannot be found.", missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
        iam.attachRolePolicy(b -> b.roleName("ops").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertEquals("ReadOnlyAccess", iam.listAttachedRolePolicies(b -> b.roleName("ops")).attachedPolicies()
                .get(0).policyName());
        assertEquals(1, iam.listRoles(b -> b.pathPrefix("/eng/")).roles().size());
        IamException conflict = assertThrows(IamException.class, () -> iam.deleteRole(b -> b.roleName("ops")));
        assertEquals("DeleteConflict", conflict.awsErrorDetails().errorCode());
        iam.detachRolePolicy(b -> b.roleName("ops").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        iam.deleteRole(b -> b.roleName("ops"));
        assertEquals(0, iam.listRoles().roles().size());
    }

    @Test
    void managedPolicies_awsManagedAreReadable_customerOnesDeletable() {
        var admin = iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/AdministratorAccess")).policy();
        assertTrue(admin.policyId().startsWith("ANPA"));
        assertEquals(1, admin.attachmentCount(), "attached to the bootstrap admin");
        String doc = iam.getPolicyVersion(b -> b.policyArn("arn:aws:iam::aws:policy/AmazonEC2FullAccess")
                .versionId("v1")).policyVersion().document();
        assertTrue(URLDecoder.decode(doc, StandardCharsets.UTF_8).contains("\"ec2:*\""));
        NoSuchEntityException notAttachable = assertThrows(NoSuchEntityException.class,
                () -> iam.attachUserPolicy(b -> b.userName("admin").policyArn("arn:aws:iam::aws:policy/Nope")));
        assertEquals("Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.",
                notAttachable.awsErrorDetails().errorMessage());
        String arn = iam.createPolicy(b -> b.policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")).policy().arn();
        EntityAlreadyExistsException dup = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createPolicy(b -> b.policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")));
        assertEquals("A policy called p already exists. Duplicate names are not allowed.",
                dup.awsErrorDetails().errorMessage());
        MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createPolicy(b -> b.policyName("q").policyDocument("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}")));
        assertEquals("Policy statement must contain resources.", malformed.awsErrorDetails().errorMessage());
        iam.deletePolicy(b -> b.policyArn(arn));
        assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(b -> b.policyArn(arn)));
    }

    @Test
    void accessKeys_limitTwo_updateAndDelete() {
        iam.createUser(b -> b.userName("k"));
        var k1 = iam.createAccessKey(b -> b.userName("k")).accessKey();
        iam.createAccessKey(b -> b.userName("k"));
        LimitExceededException limit = assertThrows(LimitExceededException.class,
                () -> iam.createAccessKey(b -> b.userName("k")));
        assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", limit.awsErrorDetails().errorMessage());
        assertEquals(409, limit.statusCode());
        iam.updateAccessKey(b -> b.userName("k").accessKeyId(k1.accessKeyId()).status("Inactive"));
        assertEquals("Inactive", iam.listAccessKeys(b -> b.userName("k")).accessKeyMetadata().stream()
                .filter(m -> m.accessKeyId().equals(k1.accessKeyId())).findFirst().orElseThrow().statusAsString());
        iam.deleteAccessKey(b -> b.userName("k").accessKeyId(k1.accessKeyId()));
        assertEquals(1, iam.listAccessKeys(b -> b.userName("k")).accessKeyMetadata().size());
    }

    @Test
    void usersAndGroups_membershipPagingAndNamesCaseInsensitive() {
        for (int i = 0; i < 5; i++) {
            String n = "user" + i;
            iam.createUser(b -> b.userName(n));
        }
        EntityAlreadyExistsException dup = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createUser(b -> b.userName("USER1")));
        assertEquals("User with name USER1 already exists.", dup.awsErrorDetails().errorMessage());
        ListUsersResponse page1 = iam.listUsers(b -> b.maxItems(4));
        assertTrue(page1.isTruncated());
        ListUsersResponse page2 = iam.listUsers(b -> b.maxItems(4).marker(page1.marker()));
        assertFalse(page2.isTruncated());
        assertEquals(6, page1.users().size() + page2.users().size(), "5 users + admin");
        iam.createGroup(b -> b.groupName("devs"));
        iam.addUserToGroup(b -> b.groupName("devs").userName("user1"));
        var group = iam.getGroup(b -> b.groupName("devs"));
        assertEquals("user1", group.users().get(0).userName());
        assertTrue(group.group().groupId().startsWith("AGPA"));
        NoSuchEntityException noGroup = assertThrows(NoSuchEntityException.class,
                () -> iam.addUserToGroup(b -> b.groupName("nope").userName("user1")));
        assertEquals("The group with name nope cannot be found.", noGroup.awsErrorDetails().errorMessage());
        iam.removeUserFromGroup(b -> b.groupName("devs").userName("user1"));
        assertEquals(0, iam.getGroup(b -> b.groupName("devs")).users().size());
        assertTrue(iam.getUser(b -> b.userName("user2")).user().userId().startsWith("AIDA"));
        assertEquals("admin", iam.getUser().user().userName(), "GetUser defaults to the caller");
    }

    @Test
    void userWithoutIamPermissions_getsIamAccessDeniedMessage() {
        Seeder.SeededUser u = sim.seeder().userWithVirtualMfa("plain", null);
        SdkClients c = new SdkClients(sim);
        IamClient plain = c.iam(SdkClients.basic(u.accessKeyId(), u.secretAccessKey()));
        IamException e = assertThrows(IamException.class, () -> plain.createUser(b -> b.userName("x")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::123456789012:user/plain is not authorized to perform: iam:CreateUser on"
                + " resource: arn:aws:iam::123456789012:user/x because no identity-based policy allows the"
                + " iam:CreateUser action", e.awsErrorDetails().errorMessage());
        assertEquals(403, e.statusCode());
    }
}

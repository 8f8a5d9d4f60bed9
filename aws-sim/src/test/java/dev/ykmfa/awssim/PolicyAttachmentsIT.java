package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;

/** Managed and inline policies of users, groups and roles, over the real SDK: bookkeeping, quotas and effect. */
class PolicyAttachmentsIT extends FreshSimulator {
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String ALLOW_LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";

    private SdkClients clients;
    private IamClient iam;

    @BeforeEach
    void start() {
        clients = new SdkClients(sim);
        iam = clients.iam(clients.admin());
        iam.createUser(b -> b.userName("u"));
        iam.createGroup(b -> b.groupName("g"));
        iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(TRUST));
    }

    private int attachmentCount(String arn) {
        return iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount();
    }

    private static List<String> names(List<AttachedPolicy> attached) {
        return attached.stream().map(AttachedPolicy::policyName).collect(Collectors.toList());
    }

    @Test
    void attach_toUserGroupAndRole_isListedCountedOnceAndDetachable() {
        iam.attachUserPolicy(b -> b.userName("u").policyArn(READ_ONLY));
        iam.attachGroupPolicy(b -> b.groupName("g").policyArn(READ_ONLY));
        iam.attachRolePolicy(b -> b.roleName("r").policyArn(READ_ONLY));
        iam.attachRolePolicy(b -> b.roleName("r").policyArn(READ_ONLY));
        assertEquals(3, attachmentCount(READ_ONLY), "attaching twice to the role counts once");
        assertEquals(List.of("ReadOnlyAccess"),
                names(iam.listAttachedUserPolicies(b -> b.userName("u")).attachedPolicies()));
        assertEquals(List.of("ReadOnlyAccess"),
                names(iam.listAttachedGroupPolicies(b -> b.groupName("g")).attachedPolicies()));
        assertEquals(List.of("ReadOnlyAccess"),
                names(iam.listAttachedRolePolicies(b -> b.roleName("r")).attachedPolicies()));
        assertTrue(iam.listPolicies(b -> b.onlyAttached(true)).policies().stream().map(Policy::arn)
                .anyMatch(READ_ONLY::equals));

        iam.detachUserPolicy(b -> b.userName("u").policyArn(READ_ONLY));
        iam.detachGroupPolicy(b -> b.groupName("g").policyArn(READ_ONLY));
        assertEquals(1, attachmentCount(READ_ONLY));
        assertEquals(List.of(), iam.listAttachedUserPolicies(b -> b.userName("u")).attachedPolicies());
        NoSuchEntityException again = assertThrows(NoSuchEntityException.class,
                () -> iam.detachGroupPolicy(b -> b.groupName("g").policyArn(READ_ONLY)));
        assertEquals("Policy " + READ_ONLY + " was not found.", again.awsErrorDetails().errorMessage());
        assertEquals(404, again.statusCode());
        assertEquals(1, attachmentCount(READ_ONLY), "a failed detach changes no count");
    }

    @Test
    void attach_beyondTenManagedPolicies_isLimitExceededNamingTheEntityQuota() {
        for (int i = 0; i < 11; i++) {
            String n = "p" + i;
            String arn = iam.createPolicy(b -> b.policyName(n).policyDocument(ALLOW_LIST_USERS)).policy().arn();
            if (i < 10) {
                iam.attachGroupPolicy(b -> b.groupName("g").policyArn(arn));
            } else {
                LimitExceededException e = assertThrows(LimitExceededException.class,
                        () -> iam.attachGroupPolicy(b -> b.groupName("g").policyArn(arn)));
                assertEquals("Cannot exceed quota for PoliciesPerGroup: 10", e.awsErrorDetails().errorMessage());
                assertEquals(409, e.statusCode());
                assertEquals(0, attachmentCount(arn));
            }
        }
        assertEquals(10, iam.listAttachedGroupPolicies(b -> b.groupName("g")).attachedPolicies().size());
    }

    @Test
    void inlinePolicies_areReadListedAndBlockDeletion() {
        iam.putUserPolicy(b -> b.userName("u").policyName("mine").policyDocument(ALLOW_LIST_USERS));
        iam.putGroupPolicy(b -> b.groupName("g").policyName("ours").policyDocument(ALLOW_LIST_USERS));
        iam.putRolePolicy(b -> b.roleName("r").policyName("b").policyDocument(ALLOW_LIST_USERS));
        iam.putRolePolicy(b -> b.roleName("r").policyName("a").policyDocument(ALLOW_LIST_USERS));
        assertEquals(ALLOW_LIST_USERS, URLDecoder.decode(iam.getUserPolicy(b -> b.userName("u").policyName("mine"))
                .policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b"), iam.listRolePolicies(b -> b.roleName("r")).policyNames());
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                () -> iam.getUserPolicy(b -> b.userName("u").policyName("other")));
        assertEquals("The user policy with name other cannot be found.", missing.awsErrorDetails().errorMessage());

        IamException user = assertThrows(IamException.class, () -> iam.deleteUser(b -> b.userName("u")));
        assertEquals("DeleteConflict", user.awsErrorDetails().errorCode());
        assertEquals("Cannot delete entity, must delete policies first.", user.awsErrorDetails().errorMessage());
        assertEquals(409, user.statusCode());
        IamException group = assertThrows(IamException.class, () -> iam.deleteGroup(b -> b.groupName("g")));
        assertEquals("Cannot delete entity, must delete policies first.", group.awsErrorDetails().errorMessage());
        IamException role = assertThrows(IamException.class, () -> iam.deleteRole(b -> b.roleName("r")));
        assertEquals("Cannot delete entity, must detach all policies first.", role.awsErrorDetails().errorMessage());

        iam.deleteRolePolicy(b -> b.roleName("r").policyName("a"));
        iam.deleteRolePolicy(b -> b.roleName("r").policyName("b"));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class,
                () -> iam.deleteRolePolicy(b -> b.roleName("r").policyName("a")));
        assertEquals("The role policy with name a cannot be found.", gone.awsErrorDetails().errorMessage());
        iam.deleteRole(b -> b.roleName("r"));
    }

    @Test
    void groupInlineAndUserManagedPolicies_bothGrantTheUser() {
        var key = iam.createAccessKey(b -> b.userName("u")).accessKey();
        IamClient asUser = clients.iam(SdkClients.basic(key.accessKeyId(), key.secretAccessKey()));
        IamException denied = assertThrows(IamException.class, asUser::listUsers);
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());

        iam.addUserToGroup(b -> b.groupName("g").userName("u"));
        assertEquals(List.of("g"), iam.listGroupsForUser(b -> b.userName("u")).groups().stream()
                .map(Group::groupName).collect(Collectors.toList()));
        iam.putGroupPolicy(b -> b.groupName("g").policyName("list").policyDocument(ALLOW_LIST_USERS));
        assertEquals(2, asUser.listUsers().users().size(), "admin and u, allowed by the group's inline policy");

        iam.removeUserFromGroup(b -> b.groupName("g").userName("u"));
        assertThrows(IamException.class, asUser::listUsers);
        String arn = iam.createPolicy(b -> b.policyName("list").policyDocument(ALLOW_LIST_USERS)).policy().arn();
        iam.attachUserPolicy(b -> b.userName("u").policyArn(arn));
        assertEquals(2, asUser.listUsers().users().size(), "allowed by the user's managed policy");
    }
}

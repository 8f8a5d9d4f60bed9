package dev.ykmfa.conformance.flow;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Deletes what one enrollment created on a persistent backend (a real AWS test account), in dependency order,
 * best effort: every step is tried even when an earlier one fails.
 */
final class IamCleanup {
    private IamCleanup() {
    }

    static void deleteEnrollment(IamClient iam, EnrollmentRequest req, EnrollmentResult res) {
        String user = req.userName();
        quietly(i -> i.deactivateMFADevice(r -> r.userName(user).serialNumber(res.mfaSerialNumber())), iam);
        quietly(i -> i.deleteVirtualMFADevice(r -> r.serialNumber(res.mfaSerialNumber())), iam);
        quietly(i -> i.listAccessKeys(r -> r.userName(user)).accessKeyMetadata().forEach(k ->
                i.deleteAccessKey(r -> r.userName(user).accessKeyId(k.accessKeyId()))), iam);
        quietly(i -> i.removeUserFromGroup(r -> r.groupName(req.groupName()).userName(user)), iam);
        quietly(i -> i.deleteUser(r -> r.userName(user)), iam);
        quietly(i -> i.detachGroupPolicy(r -> r.groupName(req.groupName()).policyArn(res.policyArn())), iam);
        quietly(i -> i.deleteGroup(r -> r.groupName(req.groupName())), iam);
        quietly(i -> i.deletePolicy(r -> r.policyArn(res.policyArn())), iam);
        quietly(i -> i.listAttachedRolePolicies(r -> r.roleName(req.roleName())).attachedPolicies().forEach(p ->
                i.detachRolePolicy(r -> r.roleName(req.roleName()).policyArn(p.policyArn()))), iam);
        quietly(i -> i.deleteRole(r -> r.roleName(req.roleName())), iam);
    }

    private static void quietly(Consumer<IamClient> step, IamClient iam) {
        try {
            step.accept(iam);
        } catch (RuntimeException e) {
            System.out.println("[conformance] clean-up step failed (continuing): " + e.getMessage());
        }
    }
}

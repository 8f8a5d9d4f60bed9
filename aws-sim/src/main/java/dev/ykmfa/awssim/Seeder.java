package dev.ykmfa.awssim;

import dev.ykmfa.awssim.policy.MalformedPolicyException;
import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyKind;
import dev.ykmfa.awssim.store.AccessKey;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.Ids;
import dev.ykmfa.awssim.store.ManagedPolicy;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.awssim.store.Role;
import dev.ykmfa.awssim.store.User;

/**
 * Test support: creates common fixtures in-process, without HTTP and without the two-code MFA ceremony — for
 * tests and benchmarks that need many users with enabled devices quickly. Not part of AWS's behaviour.
 */
public final class Seeder {
    private final IamStore store;

    Seeder(IamStore store) {
        this.store = store;
    }

    /**
     * A user with one access key and an enabled virtual MFA device named like the user.
     *
     * @param userName user name
     * @param accessKeyId its key id
     * @param secretAccessKey its secret
     * @param serialNumber the MFA device ARN
     * @param seed the TOTP seed (SHA-1, 6 digits, 30 s)
     */
    public record SeededUser(String userName, String accessKeyId, String secretAccessKey, String serialNumber,
                             byte[] seed) {
        @Override
        public String toString() {
            return "SeededUser[" + userName + ", " + accessKeyId + ", " + serialNumber + "]";
        }
    }

    /**
     * @param userName new user's name (also the device name)
     * @param groupName existing group to join, or null
     * @return the user's credentials and device
     */
    public SeededUser userWithVirtualMfa(String userName, String groupName) {
        User u = store.createUser(userName, "/");
        AccessKey k = store.createAccessKey(u.name());
        byte[] seed = Ids.randomBytes(20);
        MfaDevice d = store.createVirtualMfaDevice(userName, "/", seed);
        store.enableMfaDeviceWithoutCodes(u.name(), d.serial());
        if (groupName != null) {
            store.addUserToGroup(groupName, u.name());
        }
        return new SeededUser(u.name(), k.id(), k.secret(), d.serial(), seed);
    }

    /**
     * @param name policy name
     * @param document identity policy JSON
     * @return the customer managed policy
     */
    public ManagedPolicy policy(String name, String document) {
        return store.createPolicy(name, "/", parse(document, PolicyKind.IDENTITY), null);
    }

    /**
     * @param name group name
     * @param policyArns managed policies to attach
     */
    public void group(String name, String... policyArns) {
        store.createGroup(name, "/");
        for (String arn : policyArns) {
            store.attachGroupPolicy(name, arn);
        }
    }

    /**
     * @param name role name
     * @param trustPolicy trust policy JSON
     * @param maxSessionDuration 3600..43200
     * @param policyArns managed policies to attach
     * @return the role
     */
    public Role role(String name, String trustPolicy, int maxSessionDuration, String... policyArns) {
        Role r = store.createRole(name, "/", parse(trustPolicy, PolicyKind.TRUST), null, maxSessionDuration);
        for (String arn : policyArns) {
            store.attachRolePolicy(name, arn);
        }
        return r;
    }

    /**
     * @param name AWS-managed policy name, e.g. {@code AmazonEC2FullAccess}
     * @return its ARN in the simulator's partition
     */
    public String awsManagedPolicyArn(String name) {
        return "arn:" + store.partition() + ":iam::aws:policy/" + name;
    }

    private static PolicyDocument parse(String json, PolicyKind kind) {
        try {
            return PolicyDocument.parse(json, kind);
        } catch (MalformedPolicyException e) {
            throw new IllegalArgumentException("policy refused: " + e.getMessage(), e);
        }
    }
}

package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyKind;
import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.awssim.server.AwsException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All IAM/STS state of one simulated account: users, groups, roles, managed policies, access keys, virtual MFA
 * devices and STS sessions. Reads are lock-free (concurrent maps keyed case-insensitively, as IAM names are);
 * structural changes are serialized on the store. Entity operations throw {@link AwsException} with IAM's codes
 * and messages (spec §4).
 *
 * <p>Test support: the public create/attach/enable methods let tests and benchmarks seed state in-process without
 * HTTP ({@link #enableMfaDeviceWithoutCodes(String, String)} skips the two-code ceremony).
 */
public final class IamStore {
    private final String account;
    private final String partition;
    private final Clock clock;
    private volatile Runnable mutationListener = () -> { };

    final Map<String, User> users = new ConcurrentHashMap<>();
    final Map<String, Group> groups = new ConcurrentHashMap<>();
    final Map<String, Role> roles = new ConcurrentHashMap<>();
    final Map<String, ManagedPolicy> policies = new ConcurrentHashMap<>();
    final Map<String, AccessKey> accessKeys = new ConcurrentHashMap<>();
    final Map<String, MfaDevice> mfaDevices = new ConcurrentHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Indexes so that per-user look-ups stay O(1) with 100,000 seeded users. */
    final Map<String, Set<String>> keysByUser = new ConcurrentHashMap<>();
    final Map<String, Set<String>> devicesByUser = new ConcurrentHashMap<>();
    final Set<String> deviceNames = ConcurrentHashMap.newKeySet();

    /**
     * @param account 12-digit account id
     * @param partition partition id for ARNs
     * @param clock the simulator clock (creation dates)
     */
    public IamStore(String account, String partition, Clock clock) {
        this.account = account;
        this.partition = partition;
        this.clock = clock;
        Map<String, String> descriptions = AwsManagedPolicies.descriptions();
        for (Map.Entry<String, String> e : AwsManagedPolicies.documents().entrySet()) {
            String arn = "arn:" + partition + ":iam::aws:policy/" + e.getKey();
            policies.put(arn, new ManagedPolicy(e.getKey(), "/", Ids.uniqueId(Ids.POLICY), arn,
                    Instant.parse("2015-02-06T18:39:46Z"), descriptions.get(e.getKey()), true,
                    PolicyDocument.parse(e.getValue(), PolicyKind.IDENTITY)));
        }
    }

    /** @return the account id */
    public String account() {
        return account;
    }

    /** @return the partition id */
    public String partition() {
        return partition;
    }

    /** @return the simulator clock */
    public Clock clock() {
        return clock;
    }

    /** @param listener called after every state change (persistence) */
    public void onMutation(Runnable listener) {
        this.mutationListener = listener;
    }

    /** Signals a state change to the listener (also used by MFA step consumption). */
    public void mutated() {
        mutationListener.run();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @throws AwsException EntityAlreadyExists when {@code byKey} holds {@code name} (case-insensitively) */
    private static void requireNew(Map<String, ?> byKey, String kind, String name) {
        if (byKey.containsKey(key(name))) {
            throw AwsException.alreadyExists(kind + " with name " + name + " already exists.");
        }
    }

    /** @throws AwsException NoSuchEntity unless {@code byKey} holds {@code name} (case-insensitively) */
    private static <T> T existing(Map<String, T> byKey, String kind, String name) {
        T entity = byKey.get(key(name));
        if (entity == null) {
            throw AwsException.noSuchEntity("The " + kind + " with name " + name + " cannot be found.");
        }
        return entity;
    }

    /**
     * @param type {@code user}, {@code role}, {@code group}, {@code policy}, {@code mfa}
     * @param path IAM path ({@code /} or {@code /a/b/})
     * @param name entity name
     * @return the ARN in this account
     */
    public String arn(String type, String path, String name) {
        return "arn:" + partition + ":iam::" + account + ":" + type + path + name;
    }

    private Instant now() {
        return clock.instant();
    }

    // ================================================================== users

    /**
     * @param name user name
     * @param path path
     * @return the new user
     */
    public synchronized User createUser(String name, String path) {
        requireNew(users, "User", name);
        User u = new User(name, path, Ids.uniqueId(Ids.USER), arn("user", path, name), now());
        users.put(key(name), u);
        mutated();
        return u;
    }

    /**
     * @param name user name
     * @return the user
     * @throws AwsException NoSuchEntity
     */
    public User user(String name) {
        return existing(users, "user", name);
    }

    /**
     * @param name user name
     * @return the user or null
     */
    public User findUser(String name) {
        return users.get(key(name));
    }

    /** @return all users sorted by name */
    public List<User> users() {
        return sorted(users.values(), Comparator.comparing(u -> key(u.name())));
    }

    /**
     * @param name user name
     */
    public synchronized void deleteUser(String name) {
        User u = user(name);
        if (!keysOf(name).isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must delete access keys first.");
        }
        if (!u.groups.isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must remove users from group first.");
        }
        if (!u.policies.isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must delete policies first.");
        }
        if (!devicesOf(name).isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must delete MFA device first.");
        }
        users.remove(key(name));
        mutated();
    }

    /**
     * @param userName user
     * @param policyName inline policy name
     * @param doc the document
     */
    public synchronized void putUserPolicy(String userName, String policyName, PolicyDocument doc) {
        putInlinePolicy(user(userName).policies, policyName, doc);
    }

    /**
     * @param userName user
     * @param policyArn managed policy
     */
    public synchronized void attachUserPolicy(String userName, String policyArn) {
        attachPolicy(user(userName).policies, policyArn, "PoliciesPerUser");
    }

    /**
     * @param userName user
     * @param policyArn managed policy
     */
    public synchronized void detachUserPolicy(String userName, String policyArn) {
        detachPolicy(user(userName).policies, policyArn);
    }

    /** Attaches a managed policy (no-op when already attached) under the per-entity quota named {@code quota}. */
    private void attachPolicy(PolicyAttachments to, String policyArn, String quota) {
        ManagedPolicy p = attachable(policyArn);
        if (!to.attached.contains(policyArn)) {
            if (to.attached.size() >= AwsConstants.MANAGED_POLICIES_PER_ENTITY) {
                throw AwsException.limitExceeded("Cannot exceed quota for " + quota + ": "
                        + AwsConstants.MANAGED_POLICIES_PER_ENTITY);
            }
            to.attached.add(policyArn);
            p.attachments.incrementAndGet();
        }
        mutated();
    }

    private void detachPolicy(PolicyAttachments from, String policyArn) {
        if (!from.attached.remove(policyArn)) {
            throw AwsException.noSuchEntity("Policy " + policyArn + " was not found.");
        }
        policies.get(policyArn).attachments.decrementAndGet();
        mutated();
    }

    private void putInlinePolicy(PolicyAttachments to, String policyName, PolicyDocument doc) {
        to.inline.put(policyName, doc);
        mutated();
    }

    // ================================================================== groups

    /**
     * @param name group name
     * @param path path
     * @return the group
     */
    public synchronized Group createGroup(String name, String path) {
        requireNew(groups, "Group", name);
        Group g = new Group(name, path, Ids.uniqueId(Ids.GROUP), arn("group", path, name), now());
        groups.put(key(name), g);
        mutated();
        return g;
    }

    /**
     * @param name group name
     * @return the group
     */
    public Group group(String name) {
        return existing(groups, "group", name);
    }

    /** @return all groups sorted by name */
    public List<Group> groups() {
        return sorted(groups.values(), Comparator.comparing(g -> key(g.name())));
    }

    /**
     * @param name group
     */
    public synchronized void deleteGroup(String name) {
        Group g = group(name);
        if (!g.members.isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must remove users from group first.");
        }
        if (!g.policies.isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must delete policies first.");
        }
        groups.remove(key(name));
        mutated();
    }

    /**
     * @param groupName group
     * @param userName user
     */
    public synchronized void addUserToGroup(String groupName, String userName) {
        Group g = group(groupName);
        User u = user(userName);
        if (!u.groups.contains(key(groupName)) && u.groups.size() >= AwsConstants.GROUPS_PER_USER) {
            throw AwsException.limitExceeded("Cannot exceed quota for GroupsPerUser: "
                    + AwsConstants.GROUPS_PER_USER);
        }
        u.groups.add(key(groupName));
        g.members.add(key(userName));
        mutated();
    }

    /**
     * @param groupName group
     * @param userName user
     */
    public synchronized void removeUserFromGroup(String groupName, String userName) {
        Group g = group(groupName);
        User u = user(userName);
        if (!g.members.remove(key(userName))) {
            throw AwsException.noSuchEntity("The user with name " + userName + " cannot be found.");
        }
        u.groups.remove(key(groupName));
        mutated();
    }

    /**
     * @param groupName group
     * @param policyArn managed policy
     */
    public synchronized void attachGroupPolicy(String groupName, String policyArn) {
        attachPolicy(group(groupName).policies, policyArn, "PoliciesPerGroup");
    }

    /**
     * @param groupName group
     * @param policyArn managed policy
     */
    public synchronized void detachGroupPolicy(String groupName, String policyArn) {
        detachPolicy(group(groupName).policies, policyArn);
    }

    /**
     * @param groupName group
     * @param policyName name
     * @param doc document
     */
    public synchronized void putGroupPolicy(String groupName, String policyName, PolicyDocument doc) {
        putInlinePolicy(group(groupName).policies, policyName, doc);
    }

    // ================================================================== roles

    /**
     * @param name role name
     * @param path path
     * @param trust trust policy
     * @param description description or null
     * @param maxSessionDuration 3600–43200
     * @return the role
     */
    public synchronized Role createRole(String name, String path, PolicyDocument trust, String description,
                                        int maxSessionDuration) {
        requireNew(roles, "Role", name);
        Role r = new Role(name, path, Ids.uniqueId(Ids.ROLE), arn("role", path, name), now(), trust, description,
                maxSessionDuration);
        roles.put(key(name), r);
        mutated();
        return r;
    }

    /**
     * @param name role name
     * @return the role
     */
    public Role role(String name) {
        return existing(roles, "role", name);
    }

    /**
     * @param name role name
     * @return the role or null
     */
    public Role findRole(String name) {
        return roles.get(key(name));
    }

    /** @return all roles sorted by name */
    public List<Role> roles() {
        return sorted(roles.values(), Comparator.comparing(r -> key(r.name())));
    }

    /**
     * @param name role
     * @param description new description or null to keep
     * @param maxSessionDuration new max or null to keep
     */
    public synchronized void updateRole(String name, String description, Integer maxSessionDuration) {
        Role r = role(name);
        if (description != null) {
            r.description = description;
        }
        if (maxSessionDuration != null) {
            r.maxSessionDuration = maxSessionDuration;
        }
        mutated();
    }

    /**
     * @param name role
     * @param trust new trust policy
     */
    public synchronized void updateAssumeRolePolicy(String name, PolicyDocument trust) {
        role(name).trust = trust;
        mutated();
    }

    /**
     * @param name role
     * @param key tag key
     * @param value tag value
     */
    public synchronized void tagRole(String name, String key, String value) {
        role(name).tags.put(key, value);
        mutated();
    }

    /**
     * @param name role
     */
    public synchronized void deleteRole(String name) {
        Role r = role(name);
        if (!r.policies.isEmpty()) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "Cannot delete entity, must detach all policies first.");
        }
        roles.remove(key(name));
        mutated();
    }

    /**
     * @param roleName role
     * @param policyArn managed policy
     */
    public synchronized void attachRolePolicy(String roleName, String policyArn) {
        attachPolicy(role(roleName).policies, policyArn, "PoliciesPerRole");
    }

    /**
     * @param roleName role
     * @param policyArn managed policy
     */
    public synchronized void detachRolePolicy(String roleName, String policyArn) {
        detachPolicy(role(roleName).policies, policyArn);
    }

    /**
     * @param roleName role
     * @param policyName name
     * @param doc document
     */
    public synchronized void putRolePolicy(String roleName, String policyName, PolicyDocument doc) {
        putInlinePolicy(role(roleName).policies, policyName, doc);
    }

    /**
     * @param roleName role
     * @param policyName name
     */
    public synchronized void deleteRolePolicy(String roleName, String policyName) {
        if (role(roleName).policies.inline.remove(policyName) == null) {
            throw AwsException.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        mutated();
    }

    // ================================================================== managed policies

    /**
     * @param name policy name
     * @param path path
     * @param doc document
     * @param description description or null
     * @return the policy
     */
    public synchronized ManagedPolicy createPolicy(String name, String path, PolicyDocument doc, String description) {
        String arn = arn("policy", path, name);
        for (ManagedPolicy p : policies.values()) {
            if (!p.awsManaged() && p.name().equalsIgnoreCase(name)) {
                throw AwsException.alreadyExists("A policy called " + name
                        + " already exists. Duplicate names are not allowed.");
            }
        }
        Instant now = now();
        ManagedPolicy p = new ManagedPolicy(name, path, Ids.uniqueId(Ids.POLICY), arn, now, description, false, doc);
        policies.put(arn, p);
        mutated();
        return p;
    }

    /**
     * @param arn policy ARN
     * @return the policy
     */
    public ManagedPolicy policy(String arn) {
        ManagedPolicy p = policies.get(arn);
        if (p == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return p;
    }

    /**
     * @param arn policy ARN
     * @return the policy or null
     */
    public ManagedPolicy findPolicy(String arn) {
        return policies.get(arn);
    }

    private ManagedPolicy attachable(String arn) {
        return policy(arn);
    }

    /** @return all managed policies sorted by name */
    public List<ManagedPolicy> policies() {
        return sorted(policies.values(), Comparator.comparing(ManagedPolicy::name));
    }

    /**
     * @param arn policy
     */
    public synchronized void deletePolicy(String arn) {
        ManagedPolicy p = policies.get(arn);
        if (p == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
        }
        if (p.awsManaged()) {
            throw new AwsException("UnmodifiableEntity", 400, "Cannot delete policies outside your own account.");
        }
        if (p.attachmentCount() > 0) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409, "Cannot delete a policy attached to entities.");
        }
        policies.remove(arn);
        mutated();
    }

    // ================================================================== access keys

    /**
     * @param userName owner
     * @return the new key (the only time the secret is handed out)
     */
    public synchronized AccessKey createAccessKey(String userName) {
        User u = user(userName);
        if (keysOf(userName).size() >= AwsConstants.ACCESS_KEYS_PER_USER) {
            throw AwsException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: "
                    + AwsConstants.ACCESS_KEYS_PER_USER);
        }
        AccessKey k = new AccessKey(Ids.accessKeyId(Ids.ACCESS_KEY), Ids.secretKey(), u.name(), now());
        putKey(k);
        mutated();
        return k;
    }

    /**
     * Adds a key with a given id and secret (bootstrap admin, persistence).
     *
     * @param userName owner
     * @param id access key id
     * @param secret secret
     * @param created creation time
     * @return the key
     */
    public synchronized AccessKey importAccessKey(String userName, String id, String secret, Instant created) {
        AccessKey k = new AccessKey(id, secret, user(userName).name(), created);
        putKey(k);
        mutated();
        return k;
    }

    void putKey(AccessKey k) {
        accessKeys.put(k.id(), k);
        keysOf(k.userName()).add(k.id());
    }

    private Set<String> keysOf(String userName) {
        return keysByUser.computeIfAbsent(key(userName), x -> ConcurrentHashMap.newKeySet());
    }

    private Set<String> devicesOf(String userName) {
        return devicesByUser.computeIfAbsent(key(userName), x -> ConcurrentHashMap.newKeySet());
    }

    /**
     * @param id access key id
     * @return the key or null
     */
    public AccessKey accessKey(String id) {
        return accessKeys.get(id);
    }

    /**
     * @param userName owner
     * @return the user's keys, oldest first
     */
    public List<AccessKey> accessKeys(String userName) {
        user(userName);
        List<AccessKey> out = new ArrayList<>();
        for (String id : keysOf(userName)) {
            AccessKey k = accessKeys.get(id);
            if (k != null) {
                out.add(k);
            }
        }
        out.sort(Comparator.comparing(AccessKey::created).thenComparing(AccessKey::id));
        return out;
    }

    private AccessKey ownedKey(String userName, String id) {
        AccessKey k = accessKeys.get(id);
        if (k == null || !k.userName().equalsIgnoreCase(userName)) {
            throw AwsException.noSuchEntity("The Access Key with id " + id + " cannot be found.");
        }
        return k;
    }

    /**
     * @param userName owner
     * @param id key id
     */
    public synchronized void deleteAccessKey(String userName, String id) {
        user(userName);
        ownedKey(userName, id);
        accessKeys.remove(id);
        keysOf(userName).remove(id);
        mutated();
    }

    /**
     * @param userName owner
     * @param id key id
     * @param active new status
     */
    public synchronized void updateAccessKey(String userName, String id, boolean active) {
        user(userName);
        ownedKey(userName, id).active = active;
        mutated();
    }

    // ================================================================== MFA devices

    /**
     * @param name device name
     * @param path path
     * @param seed the secret (20 random bytes for devices created over the API)
     * @return the device
     */
    public synchronized MfaDevice createVirtualMfaDevice(String name, String path, byte[] seed) {
        String serial = arn("mfa", path, name);
        if (mfaDevices.containsKey(serial) || deviceNames.contains(key(serial))) {
            throw AwsException.alreadyExists("MFA device already exists.");
        }
        MfaDevice d = new MfaDevice(name, path, serial, seed, now());
        putDevice(d);
        mutated();
        return d;
    }

    void putDevice(MfaDevice d) {
        mfaDevices.put(d.serial(), d);
        deviceNames.add(key(d.serial()));
        if (d.userName != null) {
            devicesOf(d.userName).add(d.serial());
        }
    }

    /**
     * @param serial serial number (device ARN)
     * @return the device or null
     */
    public MfaDevice findMfaDevice(String serial) {
        return mfaDevices.get(serial);
    }

    /**
     * @param serial serial
     * @return the device
     */
    public MfaDevice mfaDevice(String serial) {
        MfaDevice d = mfaDevices.get(serial);
        if (d == null) {
            throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
        }
        return d;
    }

    /** @return all virtual MFA devices sorted by serial */
    public List<MfaDevice> mfaDevices() {
        return sorted(mfaDevices.values(), Comparator.comparing(MfaDevice::serial));
    }

    /**
     * @param userName user
     * @return the devices enabled for the user
     */
    public List<MfaDevice> mfaDevicesOf(String userName) {
        List<MfaDevice> out = new ArrayList<>();
        for (String serial : devicesOf(userName)) {
            MfaDevice d = mfaDevices.get(serial);
            if (d != null && userName.equalsIgnoreCase(d.userName)) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(MfaDevice::serial));
        return out;
    }

    /**
     * Assigns a device to a user after the caller has verified the two codes.
     *
     * @param userName user
     * @param serial device serial
     * @param drift learnt drift (steps)
     * @param lastStep last consumed step
     */
    public synchronized void enableMfaDevice(String userName, String serial, long drift, long lastStep) {
        User u = user(userName);
        MfaDevice d = mfaDevice(serial);
        checkAssignable(u, d);
        d.userName = u.name();
        devicesOf(u.name()).add(d.serial());
        d.enabled = now();
        d.drift = drift;
        d.lastStep.accumulateAndGet(lastStep, Math::max);
        mutated();
    }

    /**
     * Checks that a device may be enabled for a user (not in use by someone, under the per-user quota).
     *
     * @param u the user
     * @param d the device
     */
    public void checkAssignable(User u, MfaDevice d) {
        if (d.userName != null) {
            throw AwsException.alreadyExists("MFA Device is already in use.");
        }
        if (mfaDevicesOf(u.name()).size() >= AwsConstants.MFA_DEVICES_PER_USER) {
            throw AwsException.limitExceeded("Cannot exceed quota for MFADevicesInUsePerUser: "
                    + AwsConstants.MFA_DEVICES_PER_USER);
        }
    }

    /**
     * Test support: enables a device for a user without codes (drift 0, nothing consumed).
     *
     * @param userName user
     * @param serial device
     */
    public void enableMfaDeviceWithoutCodes(String userName, String serial) {
        enableMfaDevice(userName, serial, 0, MfaDevice.NO_STEP);
    }

    /**
     * @param serial device
     * @param drift new drift
     * @param lastStep consumed step
     */
    public synchronized void resync(String serial, long drift, long lastStep) {
        MfaDevice d = mfaDevice(serial);
        d.drift = drift;
        d.lastStep.accumulateAndGet(lastStep, Math::max);
        mutated();
    }

    /**
     * @param userName user
     * @param serial device
     */
    public synchronized void deactivateMfaDevice(String userName, String serial) {
        User u = user(userName);
        MfaDevice d = mfaDevices.get(serial);
        if (d == null || !u.name().equalsIgnoreCase(d.userName)) {
            throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
        }
        devicesOf(d.userName).remove(d.serial());
        d.userName = null;
        d.enabled = null;
        mutated();
    }

    /**
     * @param serial device
     */
    public synchronized void deleteVirtualMfaDevice(String serial) {
        MfaDevice d = mfaDevice(serial);
        if (d.userName != null) {
            throw new AwsException(AwsConstants.DELETE_CONFLICT, 409,
                    "MFA Device must be deactivated before deletion.");
        }
        mfaDevices.remove(serial);
        deviceNames.remove(key(serial));
        mutated();
    }

    // ================================================================== sessions

    /**
     * @param s new session
     */
    public void addSession(Session s) {
        sessions.put(s.accessKeyId(), s);
        mutated();
    }

    /**
     * @param accessKeyId ASIA… id
     * @return the session or null
     */
    public Session session(String accessKeyId) {
        return sessions.get(accessKeyId);
    }

    /**
     * Drops sessions that expired before {@code before}.
     *
     * @param before cut-off
     */
    public void purgeSessionsExpiredBefore(Instant before) {
        sessions.values().removeIf(s -> s.expiration().isBefore(before));
    }

    /** @return number of live session records */
    public int sessionCount() {
        return sessions.size();
    }

    // ================================================================== policy gathering

    /**
     * @param u a user
     * @return the user's identity policies: inline, attached, and those of its groups
     */
    public List<PolicyDocument> identityPolicies(User u) {
        List<PolicyDocument> out = new ArrayList<>();
        addPolicies(out, u.policies);
        for (String gk : u.groups) {
            Group g = groups.get(gk);
            if (g != null) {
                addPolicies(out, g.policies);
            }
        }
        return out;
    }

    /**
     * @param r a role
     * @return the role's permission policies: inline and attached
     */
    public List<PolicyDocument> identityPolicies(Role r) {
        List<PolicyDocument> out = new ArrayList<>();
        addPolicies(out, r.policies);
        return out;
    }

    /** Adds the inline documents, then those of the attached managed policies that still exist. */
    private void addPolicies(List<PolicyDocument> out, PolicyAttachments from) {
        out.addAll(from.inline.values());
        for (String arn : from.attached) {
            ManagedPolicy p = policies.get(arn);
            if (p != null) {
                out.add(p.document());
            }
        }
    }

    private static <T> List<T> sorted(Collection<T> c, Comparator<T> cmp) {
        List<T> l = new ArrayList<>(c);
        l.sort(cmp);
        return l;
    }
}

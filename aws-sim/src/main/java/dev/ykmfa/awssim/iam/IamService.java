package dev.ykmfa.awssim.iam;

import dev.ykmfa.awssim.mfa.MfaVerifier;
import dev.ykmfa.awssim.policy.MalformedPolicyException;
import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyKind;
import dev.ykmfa.awssim.policy.RequestContext;
import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.awssim.server.AwsException;
import dev.ykmfa.awssim.server.Authorizer;
import dev.ykmfa.awssim.server.Caller;
import dev.ykmfa.awssim.server.Params;
import dev.ykmfa.awssim.server.QueryService;
import dev.ykmfa.awssim.server.Request;
import dev.ykmfa.awssim.server.Validation;
import dev.ykmfa.awssim.server.Xml;
import dev.ykmfa.awssim.sigv4.SigV4;
import dev.ykmfa.awssim.store.AccessKey;
import dev.ykmfa.awssim.store.Group;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.Ids;
import dev.ykmfa.awssim.store.ManagedPolicy;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.awssim.store.Role;
import dev.ykmfa.awssim.store.User;
import dev.ykmfa.protocol.otp.Base32;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * IAM over the Query protocol (API version 2010-05-08): users, groups, roles, managed and inline policies, access
 * keys and virtual MFA devices, with IAM's validation, errors and response shapes (spec §1, §4). Every action is
 * authorized against the caller's identity policies first.
 */
public final class IamService implements QueryService {
    private static final String NAME_SHOWN = "[\\w+=,.@-]+";
    private static final Pattern NAME = Pattern.compile(NAME_SHOWN);
    private static final String PATH_SHOWN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    private static final String POLICY_PATH_SHOWN = "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/";
    private static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");
    private static final Pattern MFA_PATH = Pattern.compile("/([A-Za-z0-9/]*/)?");
    private static final String CODE_SHOWN = "[\\d]+";
    private static final Pattern CODE = Pattern.compile("\\d+");
    private static final String SERIAL_SHOWN = "[\\w+=/:,.@-]+";
    private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]+");
    private static final Pattern ARN = Pattern.compile("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]*:[\\w+=/,.@-]*:"
            + "[\\w+=/,.@-]*:.+");
    private static final String MSG_MFA_PATH = "The specified value for path is invalid. It must begin and end with"
            + " / and contain only alphanumeric characters and/or / characters.";
    private static final List<String> ACTIONS = List.of("CreateUser", "GetUser", "DeleteUser", "ListUsers",
            "CreateGroup", "GetGroup", "DeleteGroup", "ListGroups", "ListGroupsForUser", "AddUserToGroup",
            "RemoveUserFromGroup", "AttachGroupPolicy", "DetachGroupPolicy", "ListAttachedGroupPolicies",
            "PutGroupPolicy", "CreateRole", "GetRole", "UpdateRole", "UpdateAssumeRolePolicy", "DeleteRole",
            "ListRoles", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies", "PutRolePolicy",
            "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies", "PutUserPolicy", "GetUserPolicy",
            "AttachUserPolicy", "DetachUserPolicy", "ListAttachedUserPolicies", "CreatePolicy", "GetPolicy",
            "GetPolicyVersion", "DeletePolicy", "ListPolicies", "CreateAccessKey", "ListAccessKeys",
            "DeleteAccessKey", "UpdateAccessKey", "CreateVirtualMFADevice", "EnableMFADevice", "ResyncMFADevice",
            "DeactivateMFADevice", "DeleteVirtualMFADevice", "ListMFADevices", "ListVirtualMFADevices");

    private final IamStore store;
    private final Authorizer authorizer;
    private final MfaVerifier mfa;
    private final SigV4 sigv4;
    private final int seedBytes;

    /**
     * @param store state
     * @param authorizer policy checks
     * @param mfa TOTP checks
     * @param sigv4 the signature verifier (its key cache is cleared when keys are deleted)
     * @param seedBytes length of new virtual MFA seeds
     */
    public IamService(IamStore store, Authorizer authorizer, MfaVerifier mfa, SigV4 sigv4, int seedBytes) {
        this.store = store;
        this.authorizer = authorizer;
        this.mfa = mfa;
        this.sigv4 = sigv4;
        this.seedBytes = seedBytes;
    }

    @Override
    public boolean supports(String action) {
        return ACTIONS.contains(action);
    }

    @Override
    public String handle(Request r) {
        Caller c = r.caller();
        if (c.kind() == Caller.Kind.USER_SESSION && !c.session().mfaPresent()) {
            // IAM refuses GetSessionToken credentials that were not MFA-authenticated (spec §2.4).
            throw new AwsException(AwsConstants.INVALID_CLIENT_TOKEN_ID, 403, AwsConstants.MSG_INVALID_TOKEN);
        }
        Params p = r.params();
        switch (r.action()) {
            case "CreateUser": return createUser(r, p);
            case "GetUser": return getUser(r, p);
            case "DeleteUser": return deleteUser(r, p);
            case "ListUsers": return listUsers(r, p);
            case "CreateGroup": return createGroup(r, p);
            case "GetGroup": return getGroup(r, p);
            case "DeleteGroup": return simpleGroupOp(r, p, g -> store.deleteGroup(g));
            case "ListGroups": return listGroups(r, p);
            case "ListGroupsForUser": return listGroupsForUser(r, p);
            case "AddUserToGroup": return userGroupOp(r, p, true);
            case "RemoveUserFromGroup": return userGroupOp(r, p, false);
            case "AttachGroupPolicy": return attach(r, p, "GroupName", "group", true);
            case "DetachGroupPolicy": return attach(r, p, "GroupName", "group", false);
            case "ListAttachedGroupPolicies": return listAttached(r, p, "GroupName", "group");
            case "PutGroupPolicy": return putInline(r, p, "GroupName", "group");
            case "CreateRole": return createRole(r, p);
            case "GetRole": return getRole(r, p);
            case "UpdateRole": return updateRole(r, p);
            case "UpdateAssumeRolePolicy": return updateAssumeRolePolicy(r, p);
            case "DeleteRole": return deleteRole(r, p);
            case "ListRoles": return listRoles(r, p);
            case "AttachRolePolicy": return attach(r, p, "RoleName", "role", true);
            case "DetachRolePolicy": return attach(r, p, "RoleName", "role", false);
            case "ListAttachedRolePolicies": return listAttached(r, p, "RoleName", "role");
            case "PutRolePolicy": return putInline(r, p, "RoleName", "role");
            case "GetRolePolicy": return getInline(r, p, "RoleName", "role");
            case "DeleteRolePolicy": return deleteRolePolicy(r, p);
            case "ListRolePolicies": return listInline(r, p, "RoleName", "role");
            case "PutUserPolicy": return putInline(r, p, "UserName", "user");
            case "GetUserPolicy": return getInline(r, p, "UserName", "user");
            case "AttachUserPolicy": return attach(r, p, "UserName", "user", true);
            case "DetachUserPolicy": return attach(r, p, "UserName", "user", false);
            case "ListAttachedUserPolicies": return listAttached(r, p, "UserName", "user");
            case "CreatePolicy": return createPolicy(r, p);
            case "GetPolicy": return getPolicy(r, p);
            case "GetPolicyVersion": return getPolicyVersion(r, p);
            case "DeletePolicy": return deletePolicy(r, p);
            case "ListPolicies": return listPolicies(r, p);
            case "CreateAccessKey": return createAccessKey(r, p);
            case "ListAccessKeys": return listAccessKeys(r, p);
            case "DeleteAccessKey": return deleteAccessKey(r, p);
            case "UpdateAccessKey": return updateAccessKey(r, p);
            case "CreateVirtualMFADevice": return createVirtualMfaDevice(r, p);
            case "EnableMFADevice": return enableMfaDevice(r, p);
            case "ResyncMFADevice": return resyncMfaDevice(r, p);
            case "DeactivateMFADevice": return deactivateMfaDevice(r, p);
            case "DeleteVirtualMFADevice": return deleteVirtualMfaDevice(r, p);
            case "ListMFADevices": return listMfaDevices(r, p);
            case "ListVirtualMFADevices": return listVirtualMfaDevices(r, p);
            default:
                throw new AwsException(AwsConstants.INVALID_ACTION, 400,
                        "Could not find operation " + r.action() + " for version " + AwsConstants.IAM_VERSION);
        }
    }

    // ================================================================== helpers

    private void authorize(Request r, String resource) {
        RequestContext ctx = authorizer.context(r.caller(), "iam:" + r.action(), resource, r.sourceIp());
        authorizer.require(r.caller(), ctx);
    }

    private static Xml begin(String op) {
        return new Xml().open(op + "Response", AwsConstants.IAM_NAMESPACE).open(op + "Result");
    }

    private static String end(Xml x, String op, Request r) {
        return x.close(op + "Result").open("ResponseMetadata").leaf("RequestId", r.requestId())
                .close("ResponseMetadata").close(op + "Response").toString();
    }

    private static String noResult(String op, Request r) {
        return new Xml().open(op + "Response", AwsConstants.IAM_NAMESPACE).open("ResponseMetadata")
                .leaf("RequestId", r.requestId()).close("ResponseMetadata").close(op + "Response").toString();
    }

    private static void name(Validation v, String param, String value, int max) {
        v.length(param, value, 1, max).pattern(param, value, NAME, NAME_SHOWN);
    }

    /** @return the required, valid IAM name parameter {@code param} ({@code max} characters at most) */
    private static String requiredName(Params p, String param, int max) {
        Validation v = new Validation();
        String n = requiredName(v, p, param, max);
        v.check();
        return n;
    }

    /** @return the IAM name parameter {@code param}; records in {@code v} if it is missing or invalid */
    private static String requiredName(Validation v, Params p, String param, int max) {
        String n = p.get(param);
        v.required(param, n);
        name(v, param, n, max);
        return n;
    }

    private static String path(Validation v, Params p) {
        String path = p.get("Path");
        v.length("Path", path, 1, 512).pattern("Path", path, PATH, PATH_SHOWN);
        return path == null ? "/" : path;
    }

    private static String pathPrefix(Validation v, Params p) {
        String prefix = p.get("PathPrefix");
        v.length("PathPrefix", prefix, 1, 512);
        return prefix == null ? "/" : prefix;
    }

    private static PolicyDocument policy(String text, PolicyKind kind) {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw AwsException.malformedPolicy(e.getMessage());
        }
    }

    private static String encodeDocument(PolicyDocument d) {
        return SigV4.uriEncode(d.text());
    }

    /** The user named by an optional UserName parameter, defaulting to the caller. */
    private String targetUserName(Request r, Params p, Validation v) {
        String n = p.get("UserName");
        name(v, "UserName", n, 128);
        v.check();
        if (n != null) {
            return n;
        }
        if (r.caller().user() == null || r.caller().kind() == Caller.Kind.ROLE_SESSION) {
            throw AwsException.validation("Must specify userName when calling with non-User credentials");
        }
        return r.caller().user().name();
    }

    private String userArnForAuth(String name) {
        User u = store.findUser(name);
        return u != null ? u.arn() : store.arn("user", "/", name);
    }

    private String roleArnForAuth(String name) {
        Role ro = store.findRole(name);
        return ro != null ? ro.arn() : store.arn("role", "/", name);
    }

    private String groupArnForAuth(String name) {
        try {
            return store.group(name).arn();
        } catch (AwsException e) {
            return store.arn("group", "/", name);
        }
    }

    private static void user(Xml x, String element, User u) {
        x.open(element).leaf("Path", u.path()).leaf("UserName", u.name()).leaf("UserId", u.id())
                .leaf("Arn", u.arn()).leaf("CreateDate", u.created()).close(element);
    }

    private static void group(Xml x, String element, Group g) {
        x.open(element).leaf("Path", g.path()).leaf("GroupName", g.name()).leaf("GroupId", g.id())
                .leaf("Arn", g.arn()).leaf("CreateDate", g.created()).close(element);
    }

    private static void role(Xml x, String element, Role ro, boolean withLastUsed) {
        x.open(element).leaf("Path", ro.path()).leaf("RoleName", ro.name()).leaf("RoleId", ro.id())
                .leaf("Arn", ro.arn()).leaf("CreateDate", ro.created())
                .leaf("AssumeRolePolicyDocument", encodeDocument(ro.trustPolicy()))
                .leaf("Description", ro.description())
                .leaf("MaxSessionDuration", ro.maxSessionDuration());
        if (!ro.tags().isEmpty()) {
            x.open("Tags");
            for (Map.Entry<String, String> t : ro.tags().entrySet()) {
                x.open("member").leaf("Key", t.getKey()).leaf("Value", t.getValue()).close("member");
            }
            x.close("Tags");
        }
        if (withLastUsed) {
            x.empty("RoleLastUsed");
        }
        x.close(element);
    }

    private static void managedPolicy(Xml x, String element, ManagedPolicy mp, boolean withDescription) {
        x.open(element).leaf("PolicyName", mp.name()).leaf("PolicyId", mp.id()).leaf("Arn", mp.arn())
                .leaf("Path", mp.path()).leaf("DefaultVersionId", ManagedPolicy.DEFAULT_VERSION)
                .leaf("AttachmentCount", mp.attachmentCount()).leaf("PermissionsBoundaryUsageCount", 0)
                .leaf("IsAttachable", true);
        if (withDescription) {
            x.leaf("Description", mp.description());
        }
        x.leaf("CreateDate", mp.created()).leaf("UpdateDate", mp.created()).close(element);
    }

    /**
     * Answers one page of a sorted list (marker-based paging; the marker is the index of the next item): appends
     * {@code <wrapper>} with one entry per item written by {@code member}, then IsTruncated and Marker, to
     * {@code x} (already begun for {@code op}) and ends the response.
     */
    private static <T> String paged(Request r, Params p, Validation v, Xml x, String op, String wrapper,
                                    List<T> all, BiConsumer<Xml, T> member) {
        Integer max = p.integer("MaxItems");
        v.range("MaxItems", max, 1, 1000);
        String m = p.get("Marker");
        v.length("Marker", m, 1, 320);
        v.check();
        int from = 0;
        if (m != null) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(m), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw AwsException.validation("Invalid Marker.");
            }
            if (from < 0 || from > all.size()) {
                throw AwsException.validation("Invalid Marker.");
            }
        }
        int n = max == null ? AwsConstants.DEFAULT_MAX_ITEMS : max;
        int to = Math.min(all.size(), from + n);
        boolean truncated = to < all.size();
        x.open(wrapper);
        for (T item : all.subList(from, to)) {
            member.accept(x, item);
        }
        x.close(wrapper);
        x.leaf("IsTruncated", truncated);
        x.leaf("Marker", truncated
                ? Base64.getEncoder().encodeToString(Integer.toString(to).getBytes(StandardCharsets.US_ASCII))
                : null);
        return end(x, op, r);
    }

    private static <T> List<T> filtered(List<T> all, Predicate<T> keep) {
        List<T> out = new ArrayList<>();
        for (T item : all) {
            if (keep.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    // ================================================================== users

    private String createUser(Request r, Params p) {
        Validation v = new Validation();
        String n = requiredName(v, p, "UserName", 64);
        String path = path(v, p);
        v.check();
        authorize(r, store.arn("user", path, n));
        User u = store.createUser(n, path);
        Xml x = begin("CreateUser");
        user(x, "User", u);
        return end(x, "CreateUser", r);
    }

    private String getUser(Request r, Params p) {
        String n = targetUserName(r, p, new Validation());
        authorize(r, userArnForAuth(n));
        User u = store.user(n);
        Xml x = begin("GetUser");
        user(x, "User", u);
        return end(x, "GetUser", r);
    }

    private String deleteUser(Request r, Params p) {
        String n = requiredName(p, "UserName", 128);
        authorize(r, userArnForAuth(n));
        store.deleteUser(n);
        return noResult("DeleteUser", r);
    }

    private String listUsers(Request r, Params p) {
        Validation v = new Validation();
        String prefix = pathPrefix(v, p);
        authorize(r, store.arn("user", "/", "*"));
        List<User> all = filtered(store.users(), u -> u.path().startsWith(prefix));
        return paged(r, p, v, begin("ListUsers"), "ListUsers", "Users", all,
                (x, u) -> user(x, "member", u));
    }

    // ================================================================== groups

    private String createGroup(Request r, Params p) {
        Validation v = new Validation();
        String n = requiredName(v, p, "GroupName", 128);
        String path = path(v, p);
        v.check();
        authorize(r, store.arn("group", path, n));
        Group g = store.createGroup(n, path);
        Xml x = begin("CreateGroup");
        group(x, "Group", g);
        return end(x, "CreateGroup", r);
    }

    private String getGroup(Request r, Params p) {
        String n = requiredName(p, "GroupName", 128);
        authorize(r, groupArnForAuth(n));
        Group g = store.group(n);
        List<User> members = filtered(store.users(),
                u -> g.members().contains(u.name().toLowerCase(java.util.Locale.ROOT)));
        Xml x = begin("GetGroup");
        group(x, "Group", g);
        return paged(r, p, new Validation(), x, "GetGroup", "Users", members, (xml, u) -> user(xml, "member", u));
    }

    private String simpleGroupOp(Request r, Params p, Consumer<String> op) {
        String n = requiredName(p, "GroupName", 128);
        authorize(r, groupArnForAuth(n));
        op.accept(n);
        return noResult(r.action(), r);
    }

    private String listGroups(Request r, Params p) {
        Validation v = new Validation();
        String prefix = pathPrefix(v, p);
        authorize(r, store.arn("group", "/", "*"));
        List<Group> all = filtered(store.groups(), g -> g.path().startsWith(prefix));
        return paged(r, p, v, begin("ListGroups"), "ListGroups", "Groups", all,
                (x, g) -> group(x, "member", g));
    }

    private String listGroupsForUser(Request r, Params p) {
        String n = requiredName(p, "UserName", 128);
        authorize(r, userArnForAuth(n));
        User u = store.user(n);
        List<Group> all = filtered(store.groups(),
                g -> u.groups().contains(g.name().toLowerCase(java.util.Locale.ROOT)));
        return paged(r, p, new Validation(), begin("ListGroupsForUser"), "ListGroupsForUser", "Groups", all,
                (x, g) -> group(x, "member", g));
    }

    private String userGroupOp(Request r, Params p, boolean add) {
        Validation v = new Validation();
        String g = p.get("GroupName");
        String u = p.get("UserName");
        v.required("GroupName", g).required("UserName", u);
        name(v, "GroupName", g, 128);
        name(v, "UserName", u, 128);
        v.check();
        authorize(r, groupArnForAuth(g));
        if (add) {
            store.addUserToGroup(g, u);
        } else {
            store.removeUserFromGroup(g, u);
        }
        return noResult(r.action(), r);
    }

    // ================================================================== policies attached / inline

    private String attach(Request r, Params p, String param, String type, boolean attach) {
        Validation v = new Validation();
        String n = p.get(param);
        String arn = p.get("PolicyArn");
        v.required(param, n).required("PolicyArn", arn);
        name(v, param, n, type.equals("group") ? 128 : 64);
        v.length("PolicyArn", arn, 20, 2048);
        v.check();
        if (!ARN.matcher(arn).matches()) {
            throw AwsException.validation("ARN " + arn + " is not valid.");
        }
        authorize(r, entityArn(type, n));
        if (attach && (store.findPolicy(arn) == null)) {
            throw AwsException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        switch (type) {
            case "group":
                if (attach) {
                    store.attachGroupPolicy(n, arn);
                } else {
                    store.detachGroupPolicy(n, arn);
                }
                break;
            case "role":
                if (attach) {
                    store.attachRolePolicy(n, arn);
                } else {
                    store.detachRolePolicy(n, arn);
                }
                break;
            default:
                if (attach) {
                    store.attachUserPolicy(n, arn);
                } else {
                    store.detachUserPolicy(n, arn);
                }
        }
        return noResult(r.action(), r);
    }

    private String entityArn(String type, String n) {
        switch (type) {
            case "group": return groupArnForAuth(n);
            case "role": return roleArnForAuth(n);
            default: return userArnForAuth(n);
        }
    }

    private Set<String> attachedOf(String type, String n) {
        switch (type) {
            case "group": return store.group(n).attachedPolicies();
            case "role": return store.role(n).attachedPolicies();
            default: return store.user(n).attachedPolicies();
        }
    }

    private Map<String, PolicyDocument> inlineOf(String type, String n) {
        switch (type) {
            case "group": return store.group(n).inlinePolicies();
            case "role": return store.role(n).inlinePolicies();
            default: return store.user(n).inlinePolicies();
        }
    }

    private String listAttached(Request r, Params p, String param, String type) {
        String n = requiredName(p, param, 128);
        authorize(r, entityArn(type, n));
        List<ManagedPolicy> all = new ArrayList<>();
        for (String arn : attachedOf(type, n)) {
            ManagedPolicy mp = store.findPolicy(arn);
            if (mp != null) {
                all.add(mp);
            }
        }
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return paged(r, p, new Validation(), begin(r.action()), r.action(), "AttachedPolicies", all,
                (x, mp) -> x.open("member").leaf("PolicyName", mp.name()).leaf("PolicyArn", mp.arn()).close("member"));
    }

    private String putInline(Request r, Params p, String param, String type) {
        Validation v = new Validation();
        String n = p.get(param);
        String pn = p.get("PolicyName");
        String doc = p.get("PolicyDocument");
        v.required(param, n).required("PolicyName", pn).required("PolicyDocument", doc);
        name(v, param, n, 128);
        name(v, "PolicyName", pn, 128);
        v.length("PolicyDocument", doc, 1, 131072);
        v.check();
        authorize(r, entityArn(type, n));
        entityExists(type, n);
        PolicyDocument d = policy(doc, PolicyKind.IDENTITY);
        switch (type) {
            case "group": store.putGroupPolicy(n, pn, d); break;
            case "role": store.putRolePolicy(n, pn, d); break;
            default: store.putUserPolicy(n, pn, d);
        }
        return noResult(r.action(), r);
    }

    private void entityExists(String type, String n) {
        switch (type) {
            case "group": store.group(n); break;
            case "role": store.role(n); break;
            default: store.user(n);
        }
    }

    private String getInline(Request r, Params p, String param, String type) {
        Validation v = new Validation();
        String n = p.get(param);
        String pn = p.get("PolicyName");
        v.required(param, n).required("PolicyName", pn);
        name(v, param, n, 128);
        name(v, "PolicyName", pn, 128);
        v.check();
        authorize(r, entityArn(type, n));
        PolicyDocument d = inlineOf(type, n).get(pn);
        if (d == null) {
            throw AwsException.noSuchEntity("The " + type + " policy with name " + pn + " cannot be found.");
        }
        Xml x = begin(r.action()).leaf(param, n).leaf("PolicyName", pn)
                .leaf("PolicyDocument", encodeDocument(d));
        return end(x, r.action(), r);
    }

    private String listInline(Request r, Params p, String param, String type) {
        String n = requiredName(p, param, 128);
        authorize(r, entityArn(type, n));
        List<String> names = new ArrayList<>(inlineOf(type, n).keySet());
        names.sort(null);
        return paged(r, p, new Validation(), begin(r.action()), r.action(), "PolicyNames", names,
                (x, s) -> x.leaf("member", s));
    }

    private String deleteRolePolicy(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("RoleName");
        String pn = p.get("PolicyName");
        v.required("RoleName", n).required("PolicyName", pn);
        v.check();
        authorize(r, roleArnForAuth(n));
        store.deleteRolePolicy(n, pn);
        return noResult("DeleteRolePolicy", r);
    }

    // ================================================================== roles

    private String createRole(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("RoleName");
        String trust = p.get("AssumeRolePolicyDocument");
        String description = p.get("Description");
        Integer max = p.integer("MaxSessionDuration");
        v.required("RoleName", n).required("AssumeRolePolicyDocument", trust);
        name(v, "RoleName", n, 64);
        String path = path(v, p);
        v.length("AssumeRolePolicyDocument", trust, 1, 131072);
        v.length("Description", description, 0, 1000);
        v.range("MaxSessionDuration", max, AwsConstants.MIN_ROLE_MAX_SESSION, AwsConstants.MAX_ROLE_MAX_SESSION);
        List<String> tagKeys = p.list("Tags.member", "Key");
        List<String> tagValues = p.list("Tags.member", "Value");
        v.check();
        authorize(r, store.arn("role", path, n));
        PolicyDocument doc = policy(trust, PolicyKind.TRUST);
        if (trust.replaceAll("\\s", "").length() > AwsConstants.TRUST_POLICY_MAX_CHARS) {
            throw AwsException.limitExceeded("Cannot exceed quota for ACLSizePerRole: "
                    + AwsConstants.TRUST_POLICY_MAX_CHARS);
        }
        Role ro = store.createRole(n, path, doc, description,
                max == null ? AwsConstants.DEFAULT_ROLE_SESSION_SECONDS : max);
        for (int i = 0; i < tagKeys.size() && i < tagValues.size(); i++) {
            store.tagRole(n, tagKeys.get(i), tagValues.get(i));
        }
        Xml x = begin("CreateRole");
        role(x, "Role", ro, false);
        return end(x, "CreateRole", r);
    }

    private String getRole(Request r, Params p) {
        String n = requiredName(p, "RoleName", 64);
        authorize(r, roleArnForAuth(n));
        Role ro = store.role(n);
        Xml x = begin("GetRole");
        role(x, "Role", ro, true);
        return end(x, "GetRole", r);
    }

    private String updateRole(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("RoleName");
        String description = p.get("Description");
        Integer max = p.integer("MaxSessionDuration");
        v.required("RoleName", n);
        name(v, "RoleName", n, 64);
        v.length("Description", description, 0, 1000);
        v.range("MaxSessionDuration", max, AwsConstants.MIN_ROLE_MAX_SESSION, AwsConstants.MAX_ROLE_MAX_SESSION);
        v.check();
        authorize(r, roleArnForAuth(n));
        store.updateRole(n, description, max);
        return end(begin("UpdateRole"), "UpdateRole", r);
    }

    private String updateAssumeRolePolicy(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("RoleName");
        String doc = p.get("PolicyDocument");
        v.required("RoleName", n).required("PolicyDocument", doc);
        name(v, "RoleName", n, 64);
        v.check();
        authorize(r, roleArnForAuth(n));
        store.role(n);
        store.updateAssumeRolePolicy(n, policy(doc, PolicyKind.TRUST));
        return noResult("UpdateAssumeRolePolicy", r);
    }

    private String deleteRole(Request r, Params p) {
        String n = requiredName(p, "RoleName", 64);
        authorize(r, roleArnForAuth(n));
        store.deleteRole(n);
        return noResult("DeleteRole", r);
    }

    private String listRoles(Request r, Params p) {
        Validation v = new Validation();
        String prefix = pathPrefix(v, p);
        authorize(r, store.arn("role", "/", "*"));
        List<Role> all = filtered(store.roles(), ro -> ro.path().startsWith(prefix));
        return paged(r, p, v, begin("ListRoles"), "ListRoles", "Roles", all,
                (x, ro) -> role(x, "member", ro, false));
    }

    // ================================================================== managed policies

    private String createPolicy(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("PolicyName");
        String doc = p.get("PolicyDocument");
        String path = p.get("Path");
        String description = p.get("Description");
        v.required("PolicyName", n).required("PolicyDocument", doc);
        name(v, "PolicyName", n, 128);
        v.length("Path", path, 1, 512).pattern("Path", path, POLICY_PATH, POLICY_PATH_SHOWN);
        v.length("PolicyDocument", doc, 1, 131072);
        v.length("Description", description, 0, 1000);
        v.check();
        String pth = path == null ? "/" : path;
        authorize(r, store.arn("policy", pth, n));
        PolicyDocument d = policy(doc, PolicyKind.IDENTITY);
        if (doc.replaceAll("\\s", "").length() > AwsConstants.MANAGED_POLICY_MAX_CHARS) {
            throw AwsException.limitExceeded("Cannot exceed quota for PolicySize: "
                    + AwsConstants.MANAGED_POLICY_MAX_CHARS);
        }
        ManagedPolicy mp = store.createPolicy(n, pth, d, description);
        Xml x = begin("CreatePolicy");
        managedPolicy(x, "Policy", mp, false);
        return end(x, "CreatePolicy", r);
    }

    private String policyArnParam(Params p) {
        Validation v = new Validation();
        String arn = p.get("PolicyArn");
        v.required("PolicyArn", arn);
        v.length("PolicyArn", arn, 20, 2048);
        v.check();
        if (!ARN.matcher(arn).matches()) {
            throw AwsException.validation("ARN " + arn + " is not valid.");
        }
        return arn;
    }

    private String getPolicy(Request r, Params p) {
        String arn = policyArnParam(p);
        authorize(r, arn);
        ManagedPolicy mp = store.findPolicy(arn);
        if (mp == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
        }
        Xml x = begin("GetPolicy");
        managedPolicy(x, "Policy", mp, true);
        return end(x, "GetPolicy", r);
    }

    private String getPolicyVersion(Request r, Params p) {
        String arn = policyArnParam(p);
        String version = p.get("VersionId");
        Validation v = new Validation();
        v.required("VersionId", version);
        v.check();
        authorize(r, arn);
        ManagedPolicy mp = store.findPolicy(arn);
        if (mp == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
        }
        if (!ManagedPolicy.DEFAULT_VERSION.equals(version)) {
            throw AwsException.noSuchEntity("Policy " + arn + " version " + version + " does not exist or is not"
                    + " attachable.");
        }
        Xml x = begin("GetPolicyVersion").open("PolicyVersion")
                .leaf("Document", encodeDocument(mp.document())).leaf("VersionId", version)
                .leaf("IsDefaultVersion", true).leaf("CreateDate", mp.created()).close("PolicyVersion");
        return end(x, "GetPolicyVersion", r);
    }

    private String deletePolicy(Request r, Params p) {
        String arn = policyArnParam(p);
        authorize(r, arn);
        store.deletePolicy(arn);
        return noResult("DeletePolicy", r);
    }

    private String listPolicies(Request r, Params p) {
        Validation v = new Validation();
        String scope = p.get("Scope");
        v.oneOf("Scope", scope, List.of("All", "AWS", "Local"));
        String prefix = pathPrefix(v, p);
        boolean onlyAttached = "true".equalsIgnoreCase(p.get("OnlyAttached"));
        authorize(r, store.arn("policy", "/", "*"));
        List<ManagedPolicy> all = new ArrayList<>();
        for (ManagedPolicy mp : store.policies()) {
            boolean scopeOk = scope == null || scope.equals("All") || (scope.equals("AWS") == mp.awsManaged());
            if (scopeOk && mp.path().startsWith(prefix) && (!onlyAttached || mp.attachmentCount() > 0)) {
                all.add(mp);
            }
        }
        return paged(r, p, v, begin("ListPolicies"), "ListPolicies", "Policies", all,
                (x, mp) -> managedPolicy(x, "member", mp, false));
    }

    // ================================================================== access keys

    private String createAccessKey(Request r, Params p) {
        String n = targetUserName(r, p, new Validation());
        authorize(r, userArnForAuth(n));
        AccessKey k = store.createAccessKey(n);
        Xml x = begin("CreateAccessKey").open("AccessKey").leaf("UserName", k.userName())
                .leaf("AccessKeyId", k.id()).leaf("Status", "Active").leaf("SecretAccessKey", k.secret())
                .leaf("CreateDate", k.created()).close("AccessKey");
        return end(x, "CreateAccessKey", r);
    }

    private String listAccessKeys(Request r, Params p) {
        Validation v = new Validation();
        String n = targetUserName(r, p, v);
        authorize(r, userArnForAuth(n));
        List<AccessKey> keys = store.accessKeys(n);
        return paged(r, p, v, begin("ListAccessKeys"), "ListAccessKeys", "AccessKeyMetadata", keys,
                (x, k) -> x.open("member").leaf("UserName", k.userName()).leaf("AccessKeyId", k.id())
                        .leaf("Status", k.active() ? "Active" : "Inactive").leaf("CreateDate", k.created())
                        .close("member"));
    }

    private String accessKeyIdParam(Params p, Validation v) {
        String id = p.get("AccessKeyId");
        v.required("AccessKeyId", id);
        v.length("AccessKeyId", id, 16, 128).pattern("AccessKeyId", id, Pattern.compile("[\\w]+"), "[\\w]+");
        return id;
    }

    private String deleteAccessKey(Request r, Params p) {
        Validation v = new Validation();
        String id = accessKeyIdParam(p, v);
        String n = targetUserName(r, p, v);
        authorize(r, userArnForAuth(n));
        store.deleteAccessKey(n, id);
        sigv4.forget(id);
        return noResult("DeleteAccessKey", r);
    }

    private String updateAccessKey(Request r, Params p) {
        Validation v = new Validation();
        String id = accessKeyIdParam(p, v);
        String status = p.get("Status");
        v.required("Status", status);
        v.oneOf("Status", status, List.of("Active", "Inactive"));
        String n = targetUserName(r, p, v);
        authorize(r, userArnForAuth(n));
        store.updateAccessKey(n, id, "Active".equals(status));
        return noResult("UpdateAccessKey", r);
    }

    // ================================================================== MFA

    private String createVirtualMfaDevice(Request r, Params p) {
        Validation v = new Validation();
        String n = p.get("VirtualMFADeviceName");
        String path = p.get("Path");
        v.required("VirtualMFADeviceName", n);
        v.length("VirtualMFADeviceName", n, 1, 226).pattern("VirtualMFADeviceName", n, NAME, NAME_SHOWN);
        v.length("Path", path, 1, 512);
        v.check();
        String pth = path == null ? "/" : path;
        if (!MFA_PATH.matcher(pth).matches()) {
            throw AwsException.validation(MSG_MFA_PATH);
        }
        authorize(r, store.arn("mfa", pth, n));
        byte[] seed = Ids.randomBytes(seedBytes);
        MfaDevice d = store.createVirtualMfaDevice(n, pth, seed);
        String base32 = Base32.encode(seed, false);
        String account = store.account();
        String uri = "otpauth://totp/" + SigV4.uriEncode(n) + "@" + account + "?secret=" + base32;
        byte[] png = QrCodePng.render(uri, AwsConstants.QR_SIZE);
        Base64.Encoder b64 = Base64.getEncoder();
        Xml x = begin("CreateVirtualMFADevice").open("VirtualMFADevice").leaf("SerialNumber", d.serial())
                .leaf("Base32StringSeed", b64.encodeToString(base32.getBytes(StandardCharsets.US_ASCII)))
                .leaf("QRCodePNG", b64.encodeToString(png)).close("VirtualMFADevice");
        return end(x, "CreateVirtualMFADevice", r);
    }

    private String[] mfaParams(Params p, Validation v) {
        String serial = p.get("SerialNumber");
        String c1 = p.get("AuthenticationCode1");
        String c2 = p.get("AuthenticationCode2");
        v.required("SerialNumber", serial).required("AuthenticationCode1", c1).required("AuthenticationCode2", c2);
        v.length("SerialNumber", serial, 9, 256).pattern("SerialNumber", serial, SERIAL, SERIAL_SHOWN);
        v.length("AuthenticationCode1", c1, 6, 6).pattern("AuthenticationCode1", c1, CODE, CODE_SHOWN);
        v.length("AuthenticationCode2", c2, 6, 6).pattern("AuthenticationCode2", c2, CODE, CODE_SHOWN);
        return new String[] {serial, c1, c2};
    }

    /**
     * @return the drift and last step that two consecutive codes prove
     * @throws AwsException InvalidAuthenticationCode when they do not
     */
    private MfaVerifier.Sync synchronize(MfaDevice d, String code1, String code2) {
        MfaVerifier.Sync sync = mfa.synchronize(d, code1, code2);
        if (sync == null) {
            throw new AwsException(AwsConstants.INVALID_AUTHENTICATION_CODE, 403,
                    AwsConstants.MSG_AUTH_CODE_INVALID);
        }
        return sync;
    }

    private String enableMfaDevice(Request r, Params p) {
        Validation v = new Validation();
        String n = requiredName(v, p, "UserName", 128);
        String[] m = mfaParams(p, v);
        v.check();
        authorize(r, userArnForAuth(n));
        User u = store.user(n);
        MfaDevice d = store.mfaDevice(m[0]);
        store.checkAssignable(u, d);
        MfaVerifier.Sync sync = synchronize(d, m[1], m[2]);
        store.enableMfaDevice(n, m[0], sync.drift(), sync.lastStep());
        return noResult("EnableMFADevice", r);
    }

    private String resyncMfaDevice(Request r, Params p) {
        Validation v = new Validation();
        String n = requiredName(v, p, "UserName", 128);
        String[] m = mfaParams(p, v);
        v.check();
        authorize(r, userArnForAuth(n));
        User u = store.user(n);
        MfaDevice d = store.findMfaDevice(m[0]);
        if (d == null || !u.name().equalsIgnoreCase(d.userName())) {
            throw AwsException.noSuchEntity("MFA Device with serial number " + m[0] + " does not exist.");
        }
        MfaVerifier.Sync sync = synchronize(d, m[1], m[2]);
        store.resync(m[0], sync.drift(), sync.lastStep());
        return noResult("ResyncMFADevice", r);
    }

    private String deactivateMfaDevice(Request r, Params p) {
        Validation v = new Validation();
        String serial = p.get("SerialNumber");
        v.required("SerialNumber", serial);
        v.length("SerialNumber", serial, 9, 256).pattern("SerialNumber", serial, SERIAL, SERIAL_SHOWN);
        String n = targetUserName(r, p, v);
        authorize(r, userArnForAuth(n));
        store.deactivateMfaDevice(n, serial);
        return noResult("DeactivateMFADevice", r);
    }

    private String deleteVirtualMfaDevice(Request r, Params p) {
        Validation v = new Validation();
        String serial = p.get("SerialNumber");
        v.required("SerialNumber", serial);
        v.length("SerialNumber", serial, 9, 256).pattern("SerialNumber", serial, SERIAL, SERIAL_SHOWN);
        v.check();
        authorize(r, serial);
        store.deleteVirtualMfaDevice(serial);
        return noResult("DeleteVirtualMFADevice", r);
    }

    private String listMfaDevices(Request r, Params p) {
        Validation v = new Validation();
        String n = targetUserName(r, p, v);
        authorize(r, userArnForAuth(n));
        store.user(n);
        return paged(r, p, v, begin("ListMFADevices"), "ListMFADevices", "MFADevices", store.mfaDevicesOf(n),
                (x, d) -> x.open("member").leaf("UserName", d.userName()).leaf("SerialNumber", d.serial())
                        .leaf("EnableDate", d.enableDate()).close("member"));
    }

    private String listVirtualMfaDevices(Request r, Params p) {
        Validation v = new Validation();
        String status = p.get("AssignmentStatus");
        v.oneOf("AssignmentStatus", status, List.of("Assigned", "Unassigned", "Any"));
        authorize(r, store.arn("mfa", "/", "*"));
        List<MfaDevice> all = new ArrayList<>();
        for (MfaDevice d : store.mfaDevices()) {
            boolean assigned = d.userName() != null;
            if (status == null || status.equals("Any") || status.equals("Assigned") == assigned) {
                all.add(d);
            }
        }
        return paged(r, p, v, begin("ListVirtualMFADevices"), "ListVirtualMFADevices", "VirtualMFADevices", all,
                (x, d) -> {
                    x.open("member").leaf("SerialNumber", d.serial());
                    User u = d.userName() == null ? null : store.findUser(d.userName());
                    if (u != null) {
                        user(x, "User", u);
                        x.leaf("EnableDate", d.enableDate());
                    }
                    x.close("member");
                });
    }
}

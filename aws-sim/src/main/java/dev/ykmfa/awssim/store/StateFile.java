package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.json.Json;
import dev.ykmfa.awssim.policy.PolicyDocument;
import dev.ykmfa.awssim.policy.PolicyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists an {@link IamStore} as one JSON file ({@code aws-sim-state.json}, mode 0600: it holds secrets and MFA
 * seeds) in a directory. Saves are atomic (write a temporary file, then rename over the old one) and serialized.
 */
public final class StateFile {
    /** The file name inside the state directory. */
    public static final String FILE_NAME = "aws-sim-state.json";
    private static final int FORMAT = 1;
    private static final String TEMP_PREFIX = "aws-sim-state";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String OWNER_ONLY = "rw-------";

    private final Path dir;
    private final Path file;

    /**
     * @param dir the state directory (created when missing)
     */
    public StateFile(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
    }

    /**
     * Saves the whole store atomically.
     *
     * @param s the store
     */
    public synchronized void save(IamStore s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("account", s.account());
        List<Object> users = new ArrayList<>();
        for (User u : s.users.values()) {
            Map<String, Object> m = entity(u.name(), u.path(), u.id(), u.created());
            m.put("groups", new ArrayList<>(u.groups));
            savePolicies(m, u.policies);
            users.add(m);
        }
        root.put("users", users);
        List<Object> groups = new ArrayList<>();
        for (Group g : s.groups.values()) {
            Map<String, Object> m = entity(g.name(), g.path(), g.id(), g.created());
            savePolicies(m, g.policies);
            groups.add(m);
        }
        root.put("groups", groups);
        List<Object> roles = new ArrayList<>();
        for (Role r : s.roles.values()) {
            Map<String, Object> m = entity(r.name(), r.path(), r.id(), r.created());
            m.put("trust", r.trust.text());
            m.put("description", r.description == null ? Json.NULL : r.description);
            m.put("maxSessionDuration", r.maxSessionDuration);
            savePolicies(m, r.policies);
            m.put("tags", new LinkedHashMap<>(r.tags));
            roles.add(m);
        }
        root.put("roles", roles);
        List<Object> policies = new ArrayList<>();
        for (ManagedPolicy p : s.policies.values()) {
            if (p.awsManaged()) {
                continue;
            }
            Map<String, Object> m = entity(p.name(), p.path(), p.id(), p.created());
            m.put("document", p.document().text());
            m.put("description", p.description() == null ? Json.NULL : p.description());
            policies.add(m);
        }
        root.put("policies", policies);
        List<Object> keys = new ArrayList<>();
        for (AccessKey k : s.accessKeys.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", k.id());
            m.put("secret", k.secret());
            m.put("user", k.userName());
            m.put("created", k.created().toString());
            m.put("active", k.active);
            keys.add(m);
        }
        root.put("accessKeys", keys);
        List<Object> devices = new ArrayList<>();
        for (MfaDevice d : s.mfaDevices.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("path", d.path());
            m.put("seed", Base64.getEncoder().encodeToString(d.seed()));
            m.put("created", d.created().toString());
            m.put("user", d.userName == null ? Json.NULL : d.userName);
            m.put("enabled", d.enabled == null ? Json.NULL : d.enabled.toString());
            m.put("drift", d.drift);
            m.put("lastStep", d.lastStep.get());
            devices.add(m);
        }
        root.put("mfaDevices", devices);
        List<Object> sessions = new ArrayList<>();
        Instant now = s.clock().instant();
        for (Session x : s.sessions.values()) {
            if (x.expiration().isBefore(now)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", x.accessKeyId());
            m.put("secret", x.secret());
            m.put("token", x.token());
            m.put("expiration", x.expiration().toString());
            m.put("issued", x.issued().toString());
            m.put("user", nullable(x.userName()));
            m.put("role", nullable(x.roleName()));
            m.put("sessionName", nullable(x.sessionName()));
            m.put("mfa", x.mfaPresent());
            m.put("mfaTime", x.mfaAuthTime() == null ? Json.NULL : x.mfaAuthTime().toString());
            m.put("sourceIdentity", nullable(x.sourceIdentity()));
            List<Object> sp = new ArrayList<>();
            for (PolicyDocument d : x.sessionPolicies()) {
                sp.add(d.text());
            }
            m.put("sessionPolicies", sp);
            sessions.add(m);
        }
        root.put("sessions", sessions);
        write(Json.write(root));
    }

    private static Object nullable(String s) {
        return s == null ? Json.NULL : s;
    }

    private static Map<String, Object> entity(String name, String path, String id, Instant created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("path", path);
        m.put("id", id);
        m.put("created", created.toString());
        return m;
    }

    private static void savePolicies(Map<String, Object> m, PolicyAttachments from) {
        m.put("attached", new ArrayList<>(from.attached));
        Map<String, Object> inline = new LinkedHashMap<>();
        for (Map.Entry<String, PolicyDocument> e : from.inline.entrySet()) {
            inline.put(e.getKey(), e.getValue().text());
        }
        m.put("inline", inline);
    }

    private void write(String json) {
        try {
            Files.createDirectories(dir);
            Path tmp = createOwnerOnlyTempFile();
            try {
                Files.write(tmp, json.getBytes(StandardCharsets.UTF_8));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save aws-sim state to " + file + ": " + e.getMessage()
                    + " (check that the directory is writable)", e);
        }
    }

    /**
     * A new, uniquely named temporary file in the state directory, created with mode 0600 so that the secrets
     * written into it are never readable by others, not even briefly.
     */
    private Path createOwnerOnlyTempFile() throws IOException {
        try {
            return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's default permissions for a new temporary file apply
            return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        }
    }

    /**
     * Loads saved state into an empty store (nothing happens when there is no file yet).
     *
     * @param s the store
     * @throws IllegalStateException when the file is not a state file of this account
     */
    @SuppressWarnings("unchecked")
    public synchronized void load(IamStore s) {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Object> root;
        try {
            root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aws-sim state " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("aws-sim state " + file + " is damaged (" + e.getMessage()
                    + "): move it away to start fresh", e);
        }
        if (!s.account().equals(root.get("account"))) {
            throw new IllegalStateException("aws-sim state " + file + " belongs to account " + root.get("account")
                    + ", not " + s.account() + ": use another --state directory or the same account id");
        }
        for (Object o : (List<Object>) root.get("policies")) {
            Map<String, Object> m = (Map<String, Object>) o;
            String arn = s.arn("policy", str(m, "path"), str(m, "name"));
            s.policies.put(arn, new ManagedPolicy(str(m, "name"), str(m, "path"), str(m, "id"), arn,
                    Instant.parse(str(m, "created")), str(m, "description"), false,
                    PolicyDocument.parse(str(m, "document"), PolicyKind.IDENTITY)));
        }
        for (Object o : (List<Object>) root.get("groups")) {
            Map<String, Object> m = (Map<String, Object>) o;
            Group g = new Group(str(m, "name"), str(m, "path"), str(m, "id"),
                    s.arn("group", str(m, "path"), str(m, "name")), Instant.parse(str(m, "created")));
            loadPolicies(s, g.policies, m);
            s.groups.put(g.name().toLowerCase(java.util.Locale.ROOT), g);
        }
        for (Object o : (List<Object>) root.get("users")) {
            Map<String, Object> m = (Map<String, Object>) o;
            User u = new User(str(m, "name"), str(m, "path"), str(m, "id"),
                    s.arn("user", str(m, "path"), str(m, "name")), Instant.parse(str(m, "created")));
            for (Object g : (List<Object>) m.get("groups")) {
                u.groups.add((String) g);
                Group grp = s.groups.get((String) g);
                if (grp != null) {
                    grp.members.add(u.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            loadPolicies(s, u.policies, m);
            s.users.put(u.name().toLowerCase(java.util.Locale.ROOT), u);
        }
        for (Object o : (List<Object>) root.get("roles")) {
            Map<String, Object> m = (Map<String, Object>) o;
            Role r = new Role(str(m, "name"), str(m, "path"), str(m, "id"),
                    s.arn("role", str(m, "path"), str(m, "name")), Instant.parse(str(m, "created")),
                    PolicyDocument.parse(str(m, "trust"), PolicyKind.TRUST), str(m, "description"),
                    ((BigDecimal) m.get("maxSessionDuration")).intValue());
            loadPolicies(s, r.policies, m);
            for (Map.Entry<String, Object> t : ((Map<String, Object>) m.get("tags")).entrySet()) {
                r.tags.put(t.getKey(), (String) t.getValue());
            }
            s.roles.put(r.name().toLowerCase(java.util.Locale.ROOT), r);
        }
        for (Object o : (List<Object>) root.get("accessKeys")) {
            Map<String, Object> m = (Map<String, Object>) o;
            AccessKey k = new AccessKey(str(m, "id"), str(m, "secret"), str(m, "user"),
                    Instant.parse(str(m, "created")));
            k.active = Boolean.TRUE.equals(m.get("active"));
            s.putKey(k);
        }
        for (Object o : (List<Object>) root.get("mfaDevices")) {
            Map<String, Object> m = (Map<String, Object>) o;
            MfaDevice d = new MfaDevice(str(m, "name"), str(m, "path"), s.arn("mfa", str(m, "path"), str(m, "name")),
                    Base64.getDecoder().decode(str(m, "seed")), Instant.parse(str(m, "created")));
            d.userName = str(m, "user");
            d.enabled = str(m, "enabled") == null ? null : Instant.parse(str(m, "enabled"));
            d.drift = ((BigDecimal) m.get("drift")).longValue();
            d.lastStep.set(((BigDecimal) m.get("lastStep")).longValue());
            s.putDevice(d);
        }
        for (Object o : (List<Object>) root.get("sessions")) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<PolicyDocument> sp = new ArrayList<>();
            for (Object t : (List<Object>) m.get("sessionPolicies")) {
                sp.add(PolicyDocument.parse((String) t, PolicyKind.SESSION));
            }
            Session x = new Session(str(m, "id"), str(m, "secret"), str(m, "token"),
                    Instant.parse(str(m, "expiration")), Instant.parse(str(m, "issued")), str(m, "user"),
                    str(m, "role"), str(m, "sessionName"), Boolean.TRUE.equals(m.get("mfa")),
                    str(m, "mfaTime") == null ? null : Instant.parse(str(m, "mfaTime")), str(m, "sourceIdentity"),
                    List.copyOf(sp));
            s.sessions.put(x.accessKeyId(), x);
        }
    }

    @SuppressWarnings("unchecked")
    private static void loadPolicies(IamStore s, PolicyAttachments target, Map<String, Object> m) {
        for (Object a : (List<Object>) m.get("attached")) {
            target.attached.add((String) a);
            ManagedPolicy p = s.policies.get((String) a);
            if (p != null) {
                p.attachments.incrementAndGet();
            }
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("inline")).entrySet()) {
            target.inline.put(e.getKey(), PolicyDocument.parse((String) e.getValue(), PolicyKind.IDENTITY));
        }
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null || v == Json.NULL ? null : (String) v;
    }
}

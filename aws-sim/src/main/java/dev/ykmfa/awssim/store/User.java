package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An IAM user. Identity fields are fixed; group membership and policies are concurrent collections. */
public final class User {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant created;
    /** Lower-case group names. */
    final Set<String> groups = ConcurrentHashMap.newKeySet();
    /** Attached managed and inline policies. */
    final PolicyAttachments policies = new PolicyAttachments();

    User(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }

    /** @return the user name */
    public String name() {
        return name;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the AIDA… id */
    public String id() {
        return id;
    }

    /** @return the ARN */
    public String arn() {
        return arn;
    }

    /** @return the creation time */
    public Instant created() {
        return created;
    }

    /** @return lower-case names of the groups the user is in (read-only view) */
    public Set<String> groups() {
        return java.util.Collections.unmodifiableSet(groups);
    }

    /** @return attached managed policy ARNs (read-only view) */
    public Set<String> attachedPolicies() {
        return policies.attachedView();
    }

    /** @return inline policies (read-only view) */
    public Map<String, PolicyDocument> inlinePolicies() {
        return policies.inlineView();
    }

    @Override
    public String toString() {
        return "User[" + arn + "]";
    }
}

package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An IAM group. */
public final class Group {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant created;
    /** Lower-case member user names. */
    final Set<String> members = ConcurrentHashMap.newKeySet();
    /** Attached managed and inline policies. */
    final PolicyAttachments policies = new PolicyAttachments();

    Group(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the AGPA… id */
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

    /** @return lower-case member names (read-only) */
    public Set<String> members() {
        return Collections.unmodifiableSet(members);
    }

    /** @return attached managed policy ARNs (read-only) */
    public Set<String> attachedPolicies() {
        return policies.attachedView();
    }

    /** @return inline policies (read-only) */
    public Map<String, PolicyDocument> inlinePolicies() {
        return policies.inlineView();
    }

    @Override
    public String toString() {
        return "Group[" + arn + "]";
    }
}

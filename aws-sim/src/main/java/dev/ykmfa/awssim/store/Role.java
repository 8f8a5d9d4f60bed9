package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An IAM role. Trust policy, description and MaxSessionDuration are updatable. */
public final class Role {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant created;
    volatile PolicyDocument trust;
    volatile String description;
    volatile int maxSessionDuration;
    /** Attached managed and inline policies. */
    final PolicyAttachments policies = new PolicyAttachments();
    final Map<String, String> tags = new ConcurrentHashMap<>();

    Role(String name, String path, String id, String arn, Instant created, PolicyDocument trust, String description,
         int maxSessionDuration) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
        this.trust = trust;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the AROA… id */
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

    /** @return the trust (assume-role) policy */
    public PolicyDocument trustPolicy() {
        return trust;
    }

    /** @return the description or null */
    public String description() {
        return description;
    }

    /** @return MaxSessionDuration in seconds */
    public int maxSessionDuration() {
        return maxSessionDuration;
    }

    /** @return attached managed policy ARNs (read-only) */
    public Set<String> attachedPolicies() {
        return policies.attachedView();
    }

    /** @return inline policies (read-only) */
    public Map<String, PolicyDocument> inlinePolicies() {
        return policies.inlineView();
    }

    /** @return tags (read-only) */
    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    @Override
    public String toString() {
        return "Role[" + arn + "]";
    }
}

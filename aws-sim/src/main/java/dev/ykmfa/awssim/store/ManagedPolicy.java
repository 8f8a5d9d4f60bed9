package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A managed policy (customer or AWS-managed) with its default version. The simulator keeps one version
 * ({@code v1}); CreatePolicyVersion is out of scope.
 */
public final class ManagedPolicy {
    /** The only version id the simulator issues. */
    public static final String DEFAULT_VERSION = "v1";

    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant created;
    private final String description;
    private final boolean awsManaged;
    private final PolicyDocument document;
    final AtomicInteger attachments = new AtomicInteger();

    ManagedPolicy(String name, String path, String id, String arn, Instant created, String description,
                  boolean awsManaged, PolicyDocument document) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
        this.description = description;
        this.awsManaged = awsManaged;
        this.document = document;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the ANPA… id */
    public String id() {
        return id;
    }

    /** @return the ARN */
    public String arn() {
        return arn;
    }

    /** @return creation (and update) time */
    public Instant created() {
        return created;
    }

    /** @return the description or null */
    public String description() {
        return description;
    }

    /** @return whether this is an AWS-managed policy ({@code arn:aws:iam::aws:policy/…}) */
    public boolean awsManaged() {
        return awsManaged;
    }

    /** @return the default version's document */
    public PolicyDocument document() {
        return document;
    }

    /** @return how many users, groups and roles it is attached to */
    public int attachmentCount() {
        return attachments.get();
    }

    @Override
    public String toString() {
        return "ManagedPolicy[" + arn + "]";
    }
}

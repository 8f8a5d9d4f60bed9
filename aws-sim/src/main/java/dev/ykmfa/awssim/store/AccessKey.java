package dev.ykmfa.awssim.store;

import java.time.Instant;

/** A long-term access key of an IAM user. {@link #toString()} never shows the secret. */
public final class AccessKey {
    private final String id;
    private final String secret;
    private final String userName;
    private final Instant created;
    volatile boolean active = true;

    AccessKey(String id, String secret, String userName, Instant created) {
        this.id = id;
        this.secret = secret;
        this.userName = userName;
        this.created = created;
    }

    /** @return the AKIA… id */
    public String id() {
        return id;
    }

    /** @return the secret access key (returned by CreateAccessKey only; used to verify signatures) */
    public String secret() {
        return secret;
    }

    /** @return the owning user's name */
    public String userName() {
        return userName;
    }

    /** @return creation time */
    public Instant created() {
        return created;
    }

    /** @return whether Status is Active */
    public boolean active() {
        return active;
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + ", " + userName + (active ? ", Active" : ", Inactive") + "]";
    }
}

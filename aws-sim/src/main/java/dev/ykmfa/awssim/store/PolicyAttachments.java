package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permission policies of one user, group or role: attached managed policy ARNs and inline policies by name.
 * Concurrent collections, so reads need no lock; changes are made by {@link IamStore} under its lock.
 */
final class PolicyAttachments {
    /** Managed policy ARNs. */
    final Set<String> attached = ConcurrentHashMap.newKeySet();
    /** Inline policies by name. */
    final Map<String, PolicyDocument> inline = new ConcurrentHashMap<>();

    /** @return whether no managed policy is attached and no inline policy is put */
    boolean isEmpty() {
        return attached.isEmpty() && inline.isEmpty();
    }

    /** @return read-only view of the attached ARNs */
    Set<String> attachedView() {
        return Collections.unmodifiableSet(attached);
    }

    /** @return read-only view of the inline policies */
    Map<String, PolicyDocument> inlineView() {
        return Collections.unmodifiableMap(inline);
    }
}

package dev.ykmfa.awssim.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as policies see it: action, resource, caller and condition context keys (names case-insensitive).
 * A key that is not set is <em>absent</em>, which is different from {@code false}
 * ({@code aws:MultiFactorAuthPresent} for long-term keys, spec §6.1).
 */
public final class RequestContext {
    private final String action;
    private final String resource;
    private final PrincipalRef principal;
    private final Map<String, List<String>> keys = new HashMap<>(16);

    /**
     * @param action {@code service:Action}
     * @param resource the resource ARN (or {@code *})
     * @param principal the caller
     */
    public RequestContext(String action, String resource, PrincipalRef principal) {
        this.action = action;
        this.resource = resource;
        this.principal = principal;
    }

    /**
     * @return a copy for another action/resource with the same context keys
     * @param newAction the action
     * @param newResource the resource
     */
    public RequestContext withTarget(String newAction, String newResource) {
        RequestContext c = new RequestContext(newAction, newResource, principal);
        c.keys.putAll(keys);
        return c;
    }

    /**
     * Sets a single-valued key.
     *
     * @param key name (any case)
     * @param value value
     * @return this
     */
    public RequestContext put(String key, String value) {
        keys.put(key.toLowerCase(Locale.ROOT), List.of(value));
        return this;
    }

    /**
     * Sets a multi-valued key.
     *
     * @param key name (any case)
     * @param values values
     * @return this
     */
    public RequestContext putAll(String key, List<String> values) {
        keys.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
        return this;
    }

    /**
     * @param key name (any case)
     * @return the values, or null when the key is absent
     */
    public List<String> get(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }

    /** @return the action */
    public String action() {
        return action;
    }

    /** @return the resource */
    public String resource() {
        return resource;
    }

    /** @return the caller */
    public PrincipalRef principal() {
        return principal;
    }
}

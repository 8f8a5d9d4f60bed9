package dev.ykmfa.awssim.policy;

import dev.ykmfa.awssim.json.Json;
import dev.ykmfa.awssim.json.JsonException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed and validated IAM policy document. Immutable; keeps the original text for responses.
 *
 * <p>Validation follows IAM's grammar with IAM's messages (spec §4 CreateRole/CreatePolicy); a violation is a
 * {@link MalformedPolicyException}.
 */
public final class PolicyDocument {
    /** The current policy language version. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The old policy language version (no policy variables). */
    public static final String VERSION_2008 = "2008-10-17";

    static final String MSG_SYNTAX = "Syntax errors in policy.";
    static final String MSG_INVALID_JSON = "This policy contains invalid Json";
    static final String MSG_VERSION = "Policy document must be version 2012-10-17 or greater.";
    static final String MSG_NO_ACTIONS = "Policy statement must contain actions.";
    static final String MSG_NO_RESOURCES = "Policy statement must contain resources.";
    static final String MSG_NO_PRINCIPAL_ALLOWED = "Policy document should not specify a principal.";
    static final String MSG_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String MSG_TRUST_ACTIONS = "AssumeRole policy may only specify STS AssumeRole actions.";
    static final String MSG_TRUST_RESOURCE = "Has prohibited field Resource";
    static final String MSG_TRUST_PRINCIPAL = "Missing required field Principal";

    private final String text;
    private final String version;
    private final List<Statement> statements;

    private PolicyDocument(String text, String version, List<Statement> statements) {
        this.text = text;
        this.version = version;
        this.statements = List.copyOf(statements);
    }

    /** @return the document exactly as submitted */
    public String text() {
        return text;
    }

    /** @return the Version element ({@code 2008-10-17} when absent) */
    public String version() {
        return version;
    }

    /** @return the statements */
    public List<Statement> statements() {
        return statements;
    }

    /**
     * Parses and validates a policy.
     *
     * @param text the JSON text
     * @param kind which grammar applies
     * @return the document
     * @throws MalformedPolicyException with IAM's message when the document is not acceptable
     */
    public static PolicyDocument parse(String text, PolicyKind kind) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonException e) {
            throw new MalformedPolicyException(kind == PolicyKind.TRUST ? MSG_INVALID_JSON : MSG_SYNTAX);
        }
        if (!(root instanceof Map)) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        Map<String, Object> doc = asMap(root);
        String version = VERSION_2008;
        Object v = doc.get("Version");
        if (v != null) {
            if (!(v instanceof String) || !(VERSION_2012.equals(v) || VERSION_2008.equals(v))) {
                throw new MalformedPolicyException(MSG_VERSION);
            }
            version = (String) v;
        }
        for (String k : doc.keySet()) {
            if (!k.equals("Version") && !k.equals("Statement") && !k.equals("Id")) {
                throw new MalformedPolicyException(MSG_SYNTAX);
            }
        }
        Object st = doc.get("Statement");
        if (st == null) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        List<Statement> out = new ArrayList<>();
        for (Object o : Json.asList(st)) {
            if (!(o instanceof Map)) {
                throw new MalformedPolicyException(MSG_SYNTAX);
            }
            out.add(statement(asMap(o), kind));
        }
        return new PolicyDocument(text, version, out);
    }

    private static Statement statement(Map<String, Object> s, PolicyKind kind) {
        for (String k : s.keySet()) {
            switch (k) {
                case "Sid": case "Effect": case "Action": case "NotAction": case "Resource": case "NotResource":
                case "Principal": case "NotPrincipal": case "Condition":
                    break;
                default:
                    throw new MalformedPolicyException(MSG_SYNTAX);
            }
        }
        Object sidRaw = s.get("Sid");
        if (sidRaw != null && !(sidRaw instanceof String)) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        Object eff = s.get("Effect");
        Effect effect;
        if ("Allow".equals(eff)) {
            effect = Effect.ALLOW;
        } else if ("Deny".equals(eff)) {
            effect = Effect.DENY;
        } else {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        boolean hasAction = s.containsKey("Action");
        boolean hasNotAction = s.containsKey("NotAction");
        if (hasAction == hasNotAction) {
            throw new MalformedPolicyException(hasAction ? MSG_SYNTAX : MSG_NO_ACTIONS);
        }
        List<String> actions = strings(s.get(hasAction ? "Action" : "NotAction"));
        for (String a : actions) {
            if (!a.equals("*") && a.indexOf(':') <= 0) {
                throw new MalformedPolicyException(MSG_VENDOR);
            }
        }
        boolean hasRes = s.containsKey("Resource");
        boolean hasNotRes = s.containsKey("NotResource");
        List<String> resources = Collections.emptyList();
        if (kind == PolicyKind.TRUST) {
            if (hasRes || hasNotRes) {
                throw new MalformedPolicyException(MSG_TRUST_RESOURCE);
            }
            for (String a : actions) {
                if (hasNotAction || !a.toLowerCase(Locale.ROOT).startsWith("sts:assumerole")
                        && !a.equalsIgnoreCase("sts:TagSession") && !a.equalsIgnoreCase("sts:SetSourceIdentity")
                        && !a.equals("sts:*")) {
                    throw new MalformedPolicyException(MSG_TRUST_ACTIONS);
                }
            }
        } else {
            if (hasRes == hasNotRes) {
                throw new MalformedPolicyException(hasRes ? MSG_SYNTAX : MSG_NO_RESOURCES);
            }
            resources = strings(s.get(hasRes ? "Resource" : "NotResource"));
            for (String r : resources) {
                if (!r.equals("*") && !r.startsWith("arn:")) {
                    throw new MalformedPolicyException("Resource " + r + " must be in ARN format or \"*\".");
                }
            }
        }
        boolean hasPrincipal = s.containsKey("Principal");
        boolean hasNotPrincipal = s.containsKey("NotPrincipal");
        Map<String, List<String>> principals = null;
        if (hasPrincipal || hasNotPrincipal) {
            if (kind != PolicyKind.TRUST) {
                throw new MalformedPolicyException(MSG_NO_PRINCIPAL_ALLOWED);
            }
            if (hasPrincipal && hasNotPrincipal) {
                throw new MalformedPolicyException(MSG_SYNTAX);
            }
            principals = principals(s.get(hasPrincipal ? "Principal" : "NotPrincipal"));
        } else if (kind == PolicyKind.TRUST) {
            throw new MalformedPolicyException(MSG_TRUST_PRINCIPAL);
        }
        List<Condition> conditions = conditions(s.get("Condition"));
        return new Statement((String) sidRaw, effect, actions, hasNotAction, resources, hasNotRes, principals,
                hasNotPrincipal, conditions);
    }

    private static Map<String, List<String>> principals(Object p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if ("*".equals(p)) {
            out.put("*", List.of("*"));
            return out;
        }
        if (!(p instanceof Map)) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        for (Map.Entry<String, Object> e : asMap(p).entrySet()) {
            out.put(e.getKey(), strings(e.getValue()));
        }
        return out;
    }

    private static List<Condition> conditions(Object c) {
        if (c == null) {
            return List.of();
        }
        if (!(c instanceof Map)) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, Object> op : asMap(c).entrySet()) {
            String name = op.getKey();
            String qualifier = null;
            int colon = name.indexOf(':');
            if (colon > 0) {
                String q = name.substring(0, colon);
                if (q.equalsIgnoreCase(Condition.FOR_ANY_VALUE)) {
                    qualifier = Condition.FOR_ANY_VALUE;
                } else if (q.equalsIgnoreCase(Condition.FOR_ALL_VALUES)) {
                    qualifier = Condition.FOR_ALL_VALUES;
                } else {
                    throw new MalformedPolicyException("Invalid Condition type : " + name);
                }
                name = name.substring(colon + 1);
            }
            boolean ifExists = false;
            if (name.length() > "IfExists".length() && name.regionMatches(true,
                    name.length() - "IfExists".length(), "IfExists", 0, "IfExists".length())) {
                ifExists = true;
                name = name.substring(0, name.length() - "IfExists".length());
            }
            ConditionOperator operator = ConditionOperator.byName(name);
            if (operator == null || operator == ConditionOperator.NULL && ifExists) {
                throw new MalformedPolicyException("Invalid Condition type : " + op.getKey());
            }
            if (!(op.getValue() instanceof Map)) {
                throw new MalformedPolicyException(MSG_SYNTAX);
            }
            for (Map.Entry<String, Object> kv : asMap(op.getValue()).entrySet()) {
                if (kv.getKey().indexOf(':') <= 0) {
                    throw new MalformedPolicyException(MSG_VENDOR);
                }
                out.add(new Condition(operator, ifExists, qualifier, kv.getKey(), strings(kv.getValue())));
            }
        }
        return out;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        for (Object o : Json.asList(v)) {
            if (o instanceof String) {
                out.add((String) o);
            } else if (o instanceof Boolean) {
                out.add(o.toString());
            } else if (o instanceof BigDecimal) {
                out.add(((BigDecimal) o).toPlainString());
            } else {
                throw new MalformedPolicyException(MSG_SYNTAX);
            }
        }
        if (out.isEmpty()) {
            throw new MalformedPolicyException(MSG_SYNTAX);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}

package dev.ykmfa.awssim.policy;

import java.util.List;

/**
 * One {@code operator → key → values} triple of a Condition block. Values of one key are OR-ed (NOR for negated
 * operators); the statement AND-s all its conditions.
 *
 * @param operator the operator
 * @param ifExists {@code …IfExists}: true when the key is absent
 * @param qualifier {@code ForAnyValue}/{@code ForAllValues} or null
 * @param key the context key (any case)
 * @param values the policy values as strings (JSON booleans and numbers in their JSON spelling)
 */
public record Condition(ConditionOperator operator, boolean ifExists, String qualifier, String key,
                        List<String> values) {

    /** Set-operator qualifier. */
    public static final String FOR_ANY_VALUE = "ForAnyValue";
    /** Set-operator qualifier. */
    public static final String FOR_ALL_VALUES = "ForAllValues";

    /**
     * @param ctx the request
     * @return whether the condition holds
     */
    public boolean test(RequestContext ctx) {
        List<String> present = ctx.get(key);
        if (operator == ConditionOperator.NULL) {
            for (String v : values) {
                boolean wantAbsent = "true".equalsIgnoreCase(v);
                if (wantAbsent == (present == null || present.isEmpty())) {
                    return true;
                }
            }
            return false;
        }
        if (present == null || present.isEmpty()) {
            if (ifExists || FOR_ALL_VALUES.equals(qualifier)) {
                return true;
            }
            if (FOR_ANY_VALUE.equals(qualifier)) {
                return false;
            }
            return operator.negated();
        }
        if (FOR_ALL_VALUES.equals(qualifier)) {
            for (String c : present) {
                if (!one(c, ctx)) {
                    return false;
                }
            }
            return true;
        }
        for (String c : present) {
            if (one(c, ctx)) {
                return true;
            }
        }
        return false;
    }

    private boolean one(String contextValue, RequestContext ctx) {
        boolean any = false;
        for (String raw : values) {
            String pv = PolicyVariables.substitute(raw, ctx);
            if (pv != null && operator.positiveMatch(contextValue, pv)) {
                any = true;
                break;
            }
        }
        return operator.negated() != any;
    }
}

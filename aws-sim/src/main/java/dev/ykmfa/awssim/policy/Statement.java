package dev.ykmfa.awssim.policy;

import java.util.List;
import java.util.Map;

/**
 * One parsed policy statement. Lists are never null; {@code resources} is empty for trust policies.
 *
 * @param sid the Sid or null
 * @param effect Allow or Deny
 * @param actions Action or NotAction patterns
 * @param notAction whether {@code actions} came from NotAction
 * @param resources Resource or NotResource patterns
 * @param notResource whether {@code resources} came from NotResource
 * @param principals Principal or NotPrincipal: type ({@code AWS}, {@code Service}, {@code Federated}, or {@code *})
 *        to values; null when the statement has none
 * @param notPrincipal whether {@code principals} came from NotPrincipal
 * @param conditions the conditions (AND)
 */
public record Statement(String sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
                        boolean notResource, Map<String, List<String>> principals, boolean notPrincipal,
                        List<Condition> conditions) {

    /**
     * @param ctx the request
     * @return whether Action/NotAction matches the request's action (case-insensitive)
     */
    public boolean matchesAction(RequestContext ctx) {
        boolean any = false;
        for (String a : actions) {
            if (Wildcard.matches(a, ctx.action(), true)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    /**
     * @param ctx the request
     * @return whether Resource/NotResource matches (a statement without resources, as in trust policies, applies to
     *         the resource the policy is attached to)
     */
    public boolean matchesResource(RequestContext ctx) {
        if (resources.isEmpty()) {
            return true;
        }
        boolean any = false;
        for (String r : resources) {
            String pattern = PolicyVariables.substitute(r, ctx);
            if (pattern != null && ("*".equals(pattern) || Wildcard.matches(pattern, ctx.resource(), false))) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    /**
     * @param ctx the request
     * @return whether all conditions hold
     */
    public boolean matchesConditions(RequestContext ctx) {
        for (Condition c : conditions) {
            if (!c.test(ctx)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param caller the caller
     * @return how the Principal/NotPrincipal element names the caller ({@link PrincipalMatch#DIRECT} when the
     *         statement has no principal element, as identity policies)
     */
    public PrincipalMatch matchesPrincipal(PrincipalRef caller) {
        if (principals == null) {
            return PrincipalMatch.DIRECT;
        }
        PrincipalMatch named = PrincipalMatch.NONE;
        if (principals.containsKey("*")) {
            named = PrincipalMatch.DIRECT;
        } else {
            List<String> aws = principals.get("AWS");
            if (aws != null && caller != null) {
                for (String p : aws) {
                    PrincipalMatch m = matchOne(p, caller);
                    if (m == PrincipalMatch.DIRECT) {
                        named = m;
                        break;
                    }
                    if (m == PrincipalMatch.DELEGATED) {
                        named = m;
                    }
                }
            }
        }
        if (notPrincipal) {
            return named == PrincipalMatch.NONE ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
        }
        return named;
    }

    private static PrincipalMatch matchOne(String p, PrincipalRef caller) {
        if ("*".equals(p) || p.equals(caller.arn())) {
            return PrincipalMatch.DIRECT;
        }
        if (p.equals(caller.account()) || p.endsWith(":iam::" + caller.account() + ":root")
                && p.startsWith("arn:")) {
            return PrincipalMatch.DELEGATED;
        }
        if (caller.roleArn() != null && p.equals(caller.roleArn())) {
            return PrincipalMatch.DELEGATED;
        }
        return PrincipalMatch.NONE;
    }
}

package dev.ykmfa.awssim.policy;

import java.util.List;

/**
 * Policy variables {@code ${aws:username}} (and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) in Resource
 * and condition values. A variable whose key is absent (or multi-valued) makes the element not match.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    /**
     * @param text the policy text
     * @param ctx the request
     * @return the text with variables replaced, or null when a variable has no single value
     */
    static String substitute(String text, RequestContext ctx) {
        int i = text.indexOf("${");
        if (i < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int from = 0;
        while (i >= 0) {
            int end = text.indexOf('}', i);
            if (end < 0) {
                break;
            }
            sb.append(text, from, i);
            String name = text.substring(i + 2, end);
            String dflt = null;
            int comma = name.indexOf(',');
            if (comma >= 0) {
                String rest = name.substring(comma + 1).trim();
                name = name.substring(0, comma).trim();
                if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                    dflt = rest.substring(1, rest.length() - 1);
                }
            }
            if (name.equals("*") || name.equals("?") || name.equals("$")) {
                sb.append(name);
            } else {
                List<String> v = ctx.get(name);
                if (v == null || v.size() != 1) {
                    if (dflt == null) {
                        return null;
                    }
                    sb.append(dflt);
                } else {
                    sb.append(v.get(0));
                }
            }
            from = end + 1;
            i = text.indexOf("${", from);
        }
        sb.append(text, from, text.length());
        return sb.toString();
    }
}

package dev.ykmfa.awssim.policy;

/**
 * IAM wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly one; everything
 * else literally. Linear-time greedy matching with single backtrack point (the classic glob algorithm).
 */
public final class Wildcard {
    private Wildcard() {
    }

    /**
     * @param pattern pattern with {@code *} and {@code ?}
     * @param text the text
     * @param ignoreCase compare letters case-insensitively (actions) or not (resources, ARNs)
     * @return whether the whole text matches
     */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        int pl = pattern.length();
        int tl = text.length();
        while (t < tl) {
            if (p < pl) {
                char pc = pattern.charAt(p);
                if (pc == '*') {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (pc == '?' || same(pc, text.charAt(t), ignoreCase)) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        while (p < pl && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pl;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /**
     * ArnLike / ArnEquals: the six colon-separated parts are matched one by one, so a wildcard never spans a colon
     * of the first five separators.
     *
     * @param pattern ARN pattern
     * @param arn the ARN
     * @return whether it matches
     */
    public static boolean arnMatches(String pattern, String arn) {
        if ("*".equals(pattern)) {
            return true;
        }
        String[] pp = pattern.split(":", 6);
        String[] ap = arn.split(":", 6);
        if (pp.length != 6 || ap.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(pp[i], ap[i], false)) {
                return false;
            }
        }
        return true;
    }
}

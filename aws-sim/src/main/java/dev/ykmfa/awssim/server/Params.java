package dev.ykmfa.awssim.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a Query-protocol request: form-encoded body and/or query string, order-independent.
 * List members arrive as {@code Name.member.N[.Field]} (1-based).
 */
public final class Params {
    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param rawQuery the raw query string or null
     * @param body the body bytes (form-encoded) or empty
     * @return the merged parameters (body wins on duplicates)
     */
    public static Params parse(String rawQuery, byte[] body) {
        Map<String, String> m = new HashMap<>(16);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            decodeInto(rawQuery, m);
        }
        if (body.length > 0) {
            decodeInto(new String(body, StandardCharsets.UTF_8), m);
        }
        return new Params(m);
    }

    /**
     * @param map name → value
     * @return parameters over a copy of {@code map}
     */
    public static Params of(Map<String, String> map) {
        return new Params(new HashMap<>(map));
    }

    private static void decodeInto(String s, Map<String, String> m) {
        int start = 0;
        int len = s.length();
        while (start <= len) {
            int amp = s.indexOf('&', start);
            if (amp < 0) {
                amp = len;
            }
            if (amp > start) {
                int eq = s.indexOf('=', start);
                String k;
                String v;
                if (eq < 0 || eq > amp) {
                    k = decode(s.substring(start, amp));
                    v = "";
                } else {
                    k = decode(s.substring(start, eq));
                    v = decode(s.substring(eq + 1, amp));
                }
                m.put(k, v);
            }
            start = amp + 1;
        }
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException("MalformedQueryString", 400, "The request contains an invalid percent-encoded"
                    + " sequence: encode every '%' as %25 and use application/x-www-form-urlencoded.");
        }
    }

    /**
     * @param name parameter
     * @return value or null
     */
    public String get(String name) {
        return values.get(name);
    }

    /**
     * @param name parameter
     * @return the value parsed as an integer, or null when absent
     * @throws AwsException ValidationError naming the member when it is not a number
     */
    public Integer integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw AwsException.validation("1 validation error detected: Value '" + v + "' at '"
                    + Validation.member(name) + "' failed to satisfy constraint: Member must be a number");
        }
    }

    /**
     * @param prefix e.g. {@code Tags.member}
     * @param field e.g. {@code Key}, or null for scalar members ({@code Name.member.N})
     * @return values for N = 1, 2, … until the first gap
     */
    public List<String> list(String prefix, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String v = values.get(prefix + "." + i + (field == null ? "" : "." + field));
            if (v == null) {
                return out;
            }
            out.add(v);
        }
    }

    @Override
    public String toString() {
        return "Params" + values.keySet();
    }
}

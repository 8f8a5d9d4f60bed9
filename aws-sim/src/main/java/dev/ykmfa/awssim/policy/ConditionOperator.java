package dev.ykmfa.awssim.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM condition operators (without the {@code IfExists} suffix, which {@link Condition} handles). A negated
 * operator ({@code StringNotEquals} …) is true when the context value matches none of the policy values, and true
 * when the key is absent.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    NUMERIC_EQUALS("NumericEquals", false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true),
    NUMERIC_LESS_THAN("NumericLessThan", false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
    DATE_EQUALS("DateEquals", false),
    DATE_NOT_EQUALS("DateNotEquals", true),
    DATE_LESS_THAN("DateLessThan", false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
    DATE_GREATER_THAN("DateGreaterThan", false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
    BOOL("Bool", false),
    BINARY_EQUALS("BinaryEquals", false),
    IP_ADDRESS("IpAddress", false),
    NOT_IP_ADDRESS("NotIpAddress", true),
    ARN_EQUALS("ArnEquals", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_LIKE("ArnNotLike", true),
    NULL("Null", false);

    private static final Map<String, ConditionOperator> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.policyName, op);
        }
    }

    private final String policyName;
    private final boolean negated;

    ConditionOperator(String policyName, boolean negated) {
        this.policyName = policyName;
        this.negated = negated;
    }

    /** @return the name as written in policies */
    public String policyName() {
        return policyName;
    }

    /** @return whether this is a "Not" operator (true on an absent key, NOR over the values) */
    public boolean negated() {
        return negated;
    }

    /**
     * @param name operator name without IfExists and without a ForAnyValue:/ForAllValues: qualifier
     * @return the operator, or null when unknown
     */
    public static ConditionOperator byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The positive test of one context value against one policy value (for a negated operator: the test it negates).
     *
     * @param contextValue value from the request
     * @param policyValue value from the policy (variables already substituted)
     * @return whether they match
     */
    boolean positiveMatch(String contextValue, String policyValue) {
        switch (this) {
            case STRING_EQUALS:
            case STRING_NOT_EQUALS:
                return contextValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE:
            case STRING_NOT_EQUALS_IGNORE_CASE:
                return contextValue.equalsIgnoreCase(policyValue);
            case STRING_LIKE:
            case STRING_NOT_LIKE:
                return Wildcard.matches(policyValue, contextValue, false);
            case NUMERIC_EQUALS:
            case NUMERIC_NOT_EQUALS:
                return compareNumbers(contextValue, policyValue, 0, 0);
            case NUMERIC_LESS_THAN:
                return compareNumbers(contextValue, policyValue, -1, -1);
            case NUMERIC_LESS_THAN_EQUALS:
                return compareNumbers(contextValue, policyValue, -1, 0);
            case NUMERIC_GREATER_THAN:
                return compareNumbers(contextValue, policyValue, 1, 1);
            case NUMERIC_GREATER_THAN_EQUALS:
                return compareNumbers(contextValue, policyValue, 0, 1);
            case DATE_EQUALS:
            case DATE_NOT_EQUALS:
                return compareDates(contextValue, policyValue, 0, 0);
            case DATE_LESS_THAN:
                return compareDates(contextValue, policyValue, -1, -1);
            case DATE_LESS_THAN_EQUALS:
                return compareDates(contextValue, policyValue, -1, 0);
            case DATE_GREATER_THAN:
                return compareDates(contextValue, policyValue, 1, 1);
            case DATE_GREATER_THAN_EQUALS:
                return compareDates(contextValue, policyValue, 0, 1);
            case BOOL:
                return isBool(policyValue) && contextValue.equalsIgnoreCase(policyValue);
            case BINARY_EQUALS:
                return contextValue.equals(policyValue);
            case IP_ADDRESS:
            case NOT_IP_ADDRESS:
                return inCidr(contextValue, policyValue);
            case ARN_EQUALS:
            case ARN_NOT_EQUALS:
            case ARN_LIKE:
            case ARN_NOT_LIKE:
                return Wildcard.arnMatches(policyValue, contextValue);
            default:
                throw new IllegalStateException("Null is evaluated by Condition");
        }
    }

    private static boolean isBool(String s) {
        return "true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s);
    }

    private static boolean compareNumbers(String ctx, String pol, int lo, int hi) {
        try {
            int c = Integer.signum(new BigDecimal(ctx.trim()).compareTo(new BigDecimal(pol.trim())));
            return c >= lo && c <= hi;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean compareDates(String ctx, String pol, int lo, int hi) {
        Instant a = parseDate(ctx);
        Instant b = parseDate(pol);
        if (a == null || b == null) {
            return false;
        }
        int c = Integer.signum(a.compareTo(b));
        return c >= lo && c <= hi;
    }

    private static Instant parseDate(String s) {
        String t = s.trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return Instant.parse(t + "T00:00:00Z");
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/", 2);
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((net[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

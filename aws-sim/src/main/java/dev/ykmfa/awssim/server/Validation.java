package dev.ykmfa.awssim.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects model-constraint violations and reports them with AWS's template (spec §1.3):
 * {@code 1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must …}.
 */
public final class Validation {
    private final List<String> errors = new ArrayList<>(2);

    /**
     * @param param parameter name as on the wire ({@code RoleSessionName})
     * @return the member name in messages ({@code roleSessionName})
     */
    public static String member(String param) {
        return Character.toLowerCase(param.charAt(0)) + param.substring(1);
    }

    /**
     * @param param parameter
     * @param value value (null → must not be null)
     * @return this
     */
    public Validation required(String param, String value) {
        if (value == null) {
            errors.add("Value null at '" + member(param) + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /**
     * @param param parameter
     * @param value value or null (skipped)
     * @param min minimum length
     * @param max maximum length
     * @return this
     */
    public Validation length(String param, String value, int min, int max) {
        if (value == null) {
            return this;
        }
        int len = value.codePointCount(0, value.length());
        if (len < min) {
            errors.add(prefix(param, value) + "Member must have length greater than or equal to " + min);
        }
        if (len > max) {
            errors.add(prefix(param, value) + "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /**
     * @param param parameter
     * @param value value or null (skipped)
     * @param pattern compiled pattern (whole-string match)
     * @param shown the pattern as AWS prints it
     * @return this
     */
    public Validation pattern(String param, String value, Pattern pattern, String shown) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(prefix(param, value) + "Member must satisfy regular expression pattern: " + shown);
        }
        return this;
    }

    /**
     * @param param parameter
     * @param value value or null (skipped)
     * @param min minimum
     * @param max maximum
     * @return this
     */
    public Validation range(String param, Integer value, int min, int max) {
        if (value == null) {
            return this;
        }
        if (value < min) {
            errors.add(prefix(param, value.toString()) + "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            errors.add(prefix(param, value.toString()) + "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /**
     * @param param parameter
     * @param value value or null (skipped)
     * @param allowed the enum values
     * @return this
     */
    public Validation oneOf(String param, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(prefix(param, value) + "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    private static String prefix(String param, String value) {
        return "Value '" + value + "' at '" + member(param) + "' failed to satisfy constraint: ";
    }

    /** @throws AwsException ValidationError when anything was recorded */
    public void check() {
        if (errors.isEmpty()) {
            return;
        }
        String head = errors.size() == 1 ? "1 validation error detected: "
                : errors.size() + " validation errors detected: ";
        throw AwsException.validation(head + String.join("; ", errors));
    }
}

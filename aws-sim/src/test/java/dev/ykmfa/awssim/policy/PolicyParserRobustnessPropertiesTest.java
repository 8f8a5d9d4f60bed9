package dev.ykmfa.awssim.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a client sends as a policy, parsing either succeeds or fails with IAM's MalformedPolicyDocument — never
 * another exception (which would become a 500).
 */
class PolicyParserRobustnessPropertiesTest {
    private static final String VALID = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:root\"]},\"Action\":[\"sts:AssumeRole\"],"
            + "\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":true},"
            + "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":[3600]}}}]}";

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "true", "null", "1", "{}", "[]", "\"x\"",
                "\"Effect\"", "\"Statement\"", "\"Condition\"", "\"AWS\"", "\\", "\\u00", " ");
    }

    @Property(tries = 500)
    void mutatedDocuments_parseOrAreMalformed(@ForAll @IntRange(min = 0, max = 400) int at,
                                              @ForAll @IntRange(min = 0, max = 8) int delete,
                                              @ForAll("fragments") String insert,
                                              @ForAll PolicyKind kind) {
        int p = Math.min(at, VALID.length());
        String doc = VALID.substring(0, p) + insert + VALID.substring(Math.min(VALID.length(), p + delete));
        try {
            PolicyDocument.parse(doc, kind);
        } catch (MalformedPolicyException e) {
            assertTrue(!e.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void arbitraryText_parsesOrIsMalformed(@ForAll String text, @ForAll PolicyKind kind) {
        try {
            PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            assertTrue(!e.getMessage().isEmpty());
        }
    }
}

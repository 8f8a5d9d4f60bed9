package dev.ykmfa.awssim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    private static final PrincipalRef JOHN = new PrincipalRef("123456789012",
            "arn:aws:iam::123456789012:user/JohnDoe", null);
    /** The blog's document as pasted: lower-case m and a JSON boolean. */
    private static final String BLOG = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"\", \"Effect\":"
            + " \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"" + ROLE + "\", \"Condition\": {"
            + " \"Bool\": { \"aws:multifactorAuthPresent\": true } } } ] }";

    private static RequestContext assume() {
        return new RequestContext("sts:AssumeRole", ROLE, JOHN);
    }

    private static Decision eval(String policy, RequestContext ctx) {
        return PolicyEvaluator.evaluate(List.of(PolicyDocument.parse(policy, PolicyKind.IDENTITY)), ctx);
    }

    private static String allowWith(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
    }

    @Test
    void blogPolicy_allowsOnlyWhenMfaPresentIsTrue() {
        assertEquals(Decision.ALLOW, eval(BLOG, assume().put("aws:MultiFactorAuthPresent", "true")));
        assertEquals(Decision.IMPLICIT_DENY, eval(BLOG, assume().put("aws:MultiFactorAuthPresent", "false")));
        assertEquals(Decision.IMPLICIT_DENY, eval(BLOG, assume()));
    }

    @Test
    void blogPolicy_withMissingClosingBrace_isSyntaxError() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class,
                () -> PolicyDocument.parse(BLOG.substring(0, BLOG.length() - 1), PolicyKind.IDENTITY));
        assertEquals("Syntax errors in policy.", e.getMessage());
    }

    @Test
    void actionMatching_isCaseInsensitive_resourceMatchingIsNot() {
        String p = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"STS:assume*\","
                + "\"Resource\":\"arn:aws:iam::123456789012:role/developer-*\"}]}";
        assertEquals(Decision.ALLOW, eval(p, assume()));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, new RequestContext("sts:AssumeRole",
                "arn:aws:iam::123456789012:role/Developer-x", JOHN)));
    }

    @Test
    void boolIfExists_isTrueOnAbsentKey_boolIsFalse() {
        assertEquals(Decision.ALLOW, eval(allowWith("{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
                assume()));
        assertEquals(Decision.IMPLICIT_DENY, eval(allowWith("{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
                assume()));
        assertEquals(Decision.IMPLICIT_DENY, eval(allowWith("{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":"
                + "\"true\"}}"), assume().put("aws:MultiFactorAuthPresent", "false")));
    }

    @Test
    void denyUnlessMfa_withBoolIfExistsFalse_deniesLongTermKeys() {
        String p = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":"
                + "\"*\"},{\"Effect\":\"Deny\",\"NotAction\":[\"iam:ListMFADevices\",\"sts:GetSessionToken\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";
        assertEquals(Decision.EXPLICIT_DENY, eval(p, assume()));
        assertEquals(Decision.ALLOW, eval(p, new RequestContext("iam:ListMFADevices", "*", JOHN)));
        assertEquals(Decision.ALLOW, eval(p, assume().put("aws:MultiFactorAuthPresent", "true")));
    }

    @Test
    void nullOperator_testsPresence() {
        String absent = allowWith("{\"Null\":{\"aws:MultiFactorAuthAge\":\"true\"}}");
        assertEquals(Decision.ALLOW, eval(absent, assume()));
        assertEquals(Decision.IMPLICIT_DENY, eval(absent, assume().put("aws:MultiFactorAuthAge", "5")));
        String present = allowWith("{\"Null\":{\"aws:MultiFactorAuthAge\":false}}");
        assertEquals(Decision.ALLOW, eval(present, assume().put("aws:MultiFactorAuthAge", "5")));
    }

    @Test
    void numericLessThan_onMfaAge_isFalseWhenAbsent() {
        String p = allowWith("{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}");
        assertEquals(Decision.ALLOW, eval(p, assume().put("aws:MultiFactorAuthAge", "120")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume().put("aws:MultiFactorAuthAge", "3600")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume()));
        String ge = allowWith("{\"NumericGreaterThanEqualsIfExists\":{\"aws:MultiFactorAuthAge\":3600}}");
        assertEquals(Decision.ALLOW, eval(ge, assume()));
        assertEquals(Decision.ALLOW, eval(ge, assume().put("aws:MultiFactorAuthAge", "3600")));
    }

    @Test
    void stringOperators_valuesAreOredKeysAnded_negationTrueOnAbsentKey() {
        String p = allowWith("{\"StringEquals\":{\"sts:ExternalId\":[\"a1\",\"b2\"],\"aws:username\":\"JohnDoe\"}}");
        assertEquals(Decision.ALLOW, eval(p, assume().put("sts:ExternalId", "b2").put("aws:username", "JohnDoe")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume().put("sts:ExternalId", "b2").put("aws:username", "x")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume().put("aws:username", "JohnDoe")));
        String not = allowWith("{\"StringNotEquals\":{\"sts:ExternalId\":[\"a1\",\"b2\"]}}");
        assertEquals(Decision.ALLOW, eval(not, assume()));
        assertEquals(Decision.ALLOW, eval(not, assume().put("sts:ExternalId", "c3")));
        assertEquals(Decision.IMPLICIT_DENY, eval(not, assume().put("sts:ExternalId", "a1")));
        String ic = allowWith("{\"StringEqualsIgnoreCase\":{\"aws:username\":\"johndoe\"}}");
        assertEquals(Decision.ALLOW, eval(ic, assume().put("aws:username", "JohnDoe")));
        String like = allowWith("{\"StringLike\":{\"aws:username\":\"J?hn*\"}}");
        assertEquals(Decision.ALLOW, eval(like, assume().put("aws:username", "JohnDoe")));
        String notLike = allowWith("{\"StringNotLike\":{\"aws:username\":\"J*\"}}");
        assertEquals(Decision.IMPLICIT_DENY, eval(notLike, assume().put("aws:username", "JohnDoe")));
    }

    @Test
    void conditionKeyNames_areCaseInsensitive() {
        assertEquals(Decision.ALLOW, eval(allowWith("{\"StringEquals\":{\"AWS:USERNAME\":\"JohnDoe\"}}"),
                assume().put("aws:username", "JohnDoe")));
    }

    @Test
    void arnLike_matchesPerSegment() {
        String p = allowWith("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/John*\"}}");
        assertEquals(Decision.ALLOW, eval(p, assume().put("aws:PrincipalArn", JOHN.arn())));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume().put("aws:PrincipalArn",
                "arn:aws:iam::123456789012:role/John")));
        String eq = allowWith("{\"ArnEqualsIfExists\":{\"aws:PrincipalArn\":\"" + JOHN.arn() + "\"}}");
        assertEquals(Decision.ALLOW, eval(eq, assume()));
    }

    @Test
    void notResource_andPolicyVariables() {
        String p = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*MFA*\","
                + "\"Resource\":\"arn:aws:iam::*:mfa/${aws:username}\"},{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
                + "\"NotResource\":\"arn:aws:ec2:*:*:instance/secret\"}]}";
        RequestContext own = new RequestContext("iam:EnableMFADevice", "arn:aws:iam::123456789012:mfa/JohnDoe", JOHN)
                .put("aws:username", "JohnDoe");
        assertEquals(Decision.ALLOW, eval(p, own));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, own.withTarget("iam:EnableMFADevice",
                "arn:aws:iam::123456789012:mfa/Jane")));
        assertEquals(Decision.ALLOW, eval(p, own.withTarget("ec2:DescribeInstances", "*")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, own.withTarget("ec2:TerminateInstances",
                "arn:aws:ec2:eu-west-1:123456789012:instance/secret")));
    }

    @Test
    void dateOperators_onCurrentTime() {
        String p = allowWith("{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}");
        assertEquals(Decision.ALLOW, eval(p, assume().put("aws:CurrentTime", "2026-11-24T05:00:00Z")));
        assertEquals(Decision.IMPLICIT_DENY, eval(p, assume().put("aws:CurrentTime", "2031-01-01T00:00:00Z")));
    }

    @Test
    void trustPolicy_accountRootDelegates_userArnIsDirect_otherAccountNone() {
        PolicyDocument root = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}",
                PolicyKind.TRUST);
        assertEquals(PolicyEvaluator.ResourceDecision.ALLOW_DELEGATED, PolicyEvaluator.evaluateResource(root, assume()));
        PolicyDocument shortForm = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST);
        assertEquals(PolicyEvaluator.ResourceDecision.ALLOW_DELEGATED,
                PolicyEvaluator.evaluateResource(shortForm, assume()));
        PolicyDocument direct = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
                + "\"" + JOHN.arn() + "\"]},\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST);
        assertEquals(PolicyEvaluator.ResourceDecision.ALLOW_DIRECT, PolicyEvaluator.evaluateResource(direct, assume()));
        PolicyDocument other = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::999999999999:root\"},\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST);
        assertEquals(PolicyEvaluator.ResourceDecision.IMPLICIT_DENY, PolicyEvaluator.evaluateResource(other, assume()));
        PolicyDocument mfa = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{"
                + "\"aws:MultiFactorAuthPresent\":\"true\"}}}]}", PolicyKind.TRUST);
        assertEquals(PolicyEvaluator.ResourceDecision.IMPLICIT_DENY, PolicyEvaluator.evaluateResource(mfa, assume()));
        assertEquals(PolicyEvaluator.ResourceDecision.ALLOW_DELEGATED, PolicyEvaluator.evaluateResource(mfa,
                assume().put("aws:MultiFactorAuthPresent", "true")));
    }

    @Test
    void malformedDocuments_getIamMessages() {
        assertMalformed("{", PolicyKind.IDENTITY, "Syntax errors in policy.");
        assertMalformed("{", PolicyKind.TRUST, "This policy contains invalid Json");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\"}]}",
                PolicyKind.IDENTITY, "Policy statement must contain resources.");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
                PolicyKind.IDENTITY, "Policy statement must contain actions.");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetObject\","
                + "\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"bucket\"}]}", PolicyKind.IDENTITY, "Resource bucket must be in ARN format or \"*\".");
        assertMalformed("{\"Version\":\"2001-01-01\",\"Statement\":[]}", PolicyKind.IDENTITY,
                "Policy document must be version 2012-10-17 or greater.");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\"}]}", PolicyKind.TRUST,
                "AssumeRole policy may only specify STS AssumeRole actions.");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}", PolicyKind.TRUST,
                "Has prohibited field Resource");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"aws:username\":\"x\"}}}]}",
                PolicyKind.IDENTITY, "Invalid Condition type : StringEqualz");
    }

    private static void assertMalformed(String doc, PolicyKind kind, String message) {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class,
                () -> PolicyDocument.parse(doc, kind));
        assertEquals(message, e.getMessage());
    }
}

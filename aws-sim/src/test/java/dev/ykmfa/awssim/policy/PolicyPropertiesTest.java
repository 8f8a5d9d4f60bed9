package dev.ykmfa.awssim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of IAM evaluation: deny wins, unrelated statements are neutral, wildcards agree with a regex. */
class PolicyPropertiesTest {
    private static final PrincipalRef CALLER = new PrincipalRef("123456789012",
            "arn:aws:iam::123456789012:user/u", null);

    /** A statement as JSON built from a small vocabulary so that matches are frequent. */
    @Provide
    Arbitrary<String> statements() {
        Arbitrary<String> effect = Arbitraries.of("Allow", "Deny");
        Arbitrary<String> actionKey = Arbitraries.of("Action", "NotAction");
        Arbitrary<String> action = Arbitraries.of("sts:AssumeRole", "sts:*", "*", "iam:Get*", "sts:Assume?ole",
                "ec2:DescribeInstances", "iam:*");
        Arbitrary<String> resourceKey = Arbitraries.of("Resource", "NotResource");
        Arbitrary<String> resource = Arbitraries.of("*", "arn:aws:iam::123456789012:role/r", "arn:aws:iam::*:role/*",
                "arn:aws:iam::123456789012:user/*", "arn:aws:iam::123456789012:role/?");
        Arbitrary<String> condition = Arbitraries.of("", ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":true}}",
                ",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}",
                ",\"Condition\":{\"StringLike\":{\"aws:username\":\"u*\"}}",
                ",\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"60\"}}",
                ",\"Condition\":{\"Null\":{\"aws:MultiFactorAuthAge\":\"true\"}}");
        return Combinators.combine(effect, actionKey, action, resourceKey, resource, condition)
                .as((e, ak, a, rk, r, c) -> "{\"Effect\":\"" + e + "\",\"" + ak + "\":\"" + a + "\",\"" + rk
                        + "\":\"" + r + "\"" + c + "}");
    }

    @Provide
    Arbitrary<List<String>> statementLists() {
        return statements().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<RequestContext> requests() {
        Arbitrary<String> action = Arbitraries.of("sts:AssumeRole", "iam:GetUser", "ec2:DescribeInstances",
                "s3:GetObject");
        Arbitrary<String> resource = Arbitraries.of("arn:aws:iam::123456789012:role/r", "*",
                "arn:aws:iam::123456789012:user/u", "arn:aws:iam::123456789012:role/x");
        Arbitrary<Integer> mfa = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 120);
        return Combinators.combine(action, resource, mfa, age).as((a, r, m, g) -> {
            RequestContext ctx = new RequestContext(a, r, CALLER).put("aws:username", "u");
            if (m == 1) {
                ctx.put("aws:MultiFactorAuthPresent", "false");
            } else if (m == 2) {
                ctx.put("aws:MultiFactorAuthPresent", "true").put("aws:MultiFactorAuthAge", g.toString());
            }
            return ctx;
        });
    }

    private static PolicyDocument doc(List<String> statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements)
                + "]}", PolicyKind.IDENTITY);
    }

    @Property(tries = 300)
    void explicitDeny_alwaysWins(@ForAll("statementLists") List<String> statements, @ForAll("requests") RequestContext ctx) {
        List<String> withDeny = new ArrayList<>(statements);
        withDeny.add("{\"Effect\":\"Deny\",\"Action\":\"" + ctx.action() + "\",\"Resource\":\"*\"}");
        assertEquals(Decision.EXPLICIT_DENY, PolicyEvaluator.evaluate(List.of(doc(withDeny)), ctx));
    }

    @Property(tries = 300)
    void anyMatchingDenyStatement_decidesExplicitDeny(@ForAll("statementLists") List<String> statements,
                                                      @ForAll("requests") RequestContext ctx) {
        if (statements.isEmpty()) {
            return;
        }
        PolicyDocument d = doc(statements);
        boolean denyMatches = false;
        boolean allowMatches = false;
        for (Statement s : d.statements()) {
            boolean m = s.matchesAction(ctx) && s.matchesResource(ctx) && s.matchesConditions(ctx);
            denyMatches |= m && s.effect() == Effect.DENY;
            allowMatches |= m && s.effect() == Effect.ALLOW;
        }
        Decision expected = denyMatches ? Decision.EXPLICIT_DENY : allowMatches ? Decision.ALLOW
                : Decision.IMPLICIT_DENY;
        assertEquals(expected, PolicyEvaluator.evaluate(List.of(d), ctx));
    }

    @Property(tries = 300)
    void addingAnUnrelatedStatement_neverChangesTheDecision(@ForAll("statementLists") List<String> statements,
                                                           @ForAll("requests") RequestContext ctx,
                                                           @ForAll boolean deny, @ForAll boolean asSeparatePolicy) {
        if (statements.isEmpty()) {
            return;
        }
        String unrelated = "{\"Effect\":\"" + (deny ? "Deny" : "Allow") + "\",\"Action\":\"unrelatedsvc:Do*\","
                + "\"Resource\":\"*\"}";
        Decision before = PolicyEvaluator.evaluate(List.of(doc(statements)), ctx);
        List<String> more = new ArrayList<>(statements);
        Decision after;
        if (asSeparatePolicy) {
            after = PolicyEvaluator.evaluate(List.of(doc(statements), doc(List.of(unrelated))), ctx);
        } else {
            more.add(unrelated);
            after = PolicyEvaluator.evaluate(List.of(doc(more)), ctx);
        }
        assertEquals(before, after);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', '*', '?', ':').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', 'A', ':').ofMaxLength(10);
    }

    private static boolean reference(String pattern, String text, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL)
                .matcher(text).matches();
    }

    @Property(tries = 1000)
    void wildcardMatching_agreesWithRegexReference(@ForAll("patterns") String pattern, @ForAll("texts") String text,
                                                  @ForAll boolean ignoreCase) {
        assertEquals(reference(pattern, text, ignoreCase), Wildcard.matches(pattern, text, ignoreCase),
                () -> "pattern '" + pattern + "' text '" + text + "'");
    }
}

package dev.ykmfa.awssim.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ykmfa.awssim.server.AwsException;
import dev.ykmfa.awssim.server.Authenticator;
import dev.ykmfa.awssim.server.Caller;
import dev.ykmfa.awssim.store.IamStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4 verification against requests signed by the AWS SDK's own signer: an untouched request is accepted, and
 * any mutation of a signed header, a body byte or the date is refused.
 */
class SigV4MutationPropertiesTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final IamStore store = newStore();
    private final Authenticator auth = new Authenticator(store, Clock.systemUTC(), Clock.systemUTC());

    private static IamStore newStore() {
        IamStore s = new IamStore("123456789012", "aws", Clock.systemUTC());
        s.createUser("admin", "/");
        s.importAccessKey("admin", KEY_ID, SECRET, Clock.systemUTC().instant());
        return s;
    }

    /** A request as it arrives: method, path, query, headers (lower-case names), body. */
    private record Wire(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        Function<String, List<String>> lookup() {
            return headers::get;
        }
    }

    private static Wire sign(String body, String service, String region, String extraHeader) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest req = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:4566/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .putHeader("amz-sdk-invocation-id", extraHeader)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(req)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.request().forEachHeader((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        headers.putIfAbsent("host", List.of("127.0.0.1:4566"));
        return new Wire("POST", "/", null, headers, bytes);
    }

    private Caller verify(Wire w) {
        SigV4Credential cred = SigV4.parse(w.headers().get("authorization").get(0));
        return auth.authenticate(cred, w.method(), w.path(), w.query(), w.lookup(), w.body());
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)
                .map(s -> "Action=GetCallerIdentity&Version=2011-06-15&X=" + SigV4.uriEncode(s));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("us-east-1", "aws-global", "eu-west-1", "cn-north-1");
    }

    @Property(tries = 100)
    void untouchedSignedRequest_isAccepted(@ForAll("bodies") String body, @ForAll("regions") String region,
                                          @ForAll @StringLength(min = 1, max = 30) String invocation) {
        String inv = invocation.replaceAll("[^A-Za-z0-9-]", "a");
        Caller c = verify(sign(body, "sts", region, inv));
        assertEquals("arn:aws:iam::123456789012:user/admin", c.arn());
    }

    @Property(tries = 100)
    void flippingAnyBodyByte_isRefused(@ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 10_000) int at,
                                       @ForAll @IntRange(min = 1, max = 255) int xor) {
        Wire w = sign(body, "sts", "us-east-1", "abc");
        byte[] mutated = w.body().clone();
        mutated[at % mutated.length] ^= (byte) xor;
        AwsException e = assertThrows(AwsException.class,
                () -> verify(new Wire(w.method(), w.path(), w.query(), w.headers(), mutated)));
        assertEquals("SignatureDoesNotMatch", e.code());
    }

    @Property(tries = 100)
    void changingAnySignedHeader_isRefused(@ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 100) int pick,
                                          @ForAll @StringLength(min = 1, max = 10) @CharRange(from = '!', to = '~') String suffix) {
        Wire w = sign(body, "iam", "aws-global", "abc");
        SigV4Credential cred = SigV4.parse(w.headers().get("authorization").get(0));
        List<String> signed = cred.signedHeaders();
        String name = signed.get(pick % signed.size());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(w.headers());
        String old = headers.get(name).get(0);
        String replacement = old + suffix; // visible characters: what can appear in an HTTP header value
        headers.put(name, List.of(replacement));
        AwsException e = assertThrows(AwsException.class,
                () -> verify(new Wire(w.method(), w.path(), w.query(), headers, w.body())));
        assertEquals(name.equals("x-amz-date") ? List.of("SignatureDoesNotMatch", "IncompleteSignature")
                        .contains(e.code()) : "SignatureDoesNotMatch".equals(e.code()), true, e.code());
    }

    @Example
    void missingXAmzDate_isIncompleteSignature_namingTheOnlyAcceptedHeader() {
        Wire w = sign("Action=GetCallerIdentity&Version=2011-06-15", "sts", "us-east-1", "abc");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(w.headers());
        headers.remove("x-amz-date");
        AwsException e = assertThrows(AwsException.class,
                () -> verify(new Wire(w.method(), w.path(), w.query(), headers, w.body())));
        assertEquals("IncompleteSignature", e.code());
        assertEquals("Authorization header requires existence of an 'X-Amz-Date' header.", e.getMessage());
    }

    @Property(tries = 60)
    void shiftingTheDate_isRefused(@ForAll("bodies") String body, @ForAll @IntRange(min = 1, max = 3600) int seconds,
                                   @ForAll boolean forward) {
        Wire w = sign(body, "sts", "us-east-1", "abc");
        String date = w.headers().get("x-amz-date").get(0);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        java.time.Instant t = java.time.Instant.from(f.parse(date)).plusSeconds(forward ? seconds : -seconds);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(w.headers());
        headers.put("x-amz-date", List.of(f.format(t)));
        AwsException e = assertThrows(AwsException.class,
                () -> verify(new Wire(w.method(), w.path(), w.query(), headers, w.body())));
        assertEquals("SignatureDoesNotMatch", e.code());
    }

    @Property(tries = 30)
    void changingMethodPathOrQuery_isRefused(@ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 2) int what) {
        Wire w = sign(body, "sts", "us-east-1", "abc");
        Wire m = switch (what) {
            case 0 -> new Wire("PUT", w.path(), w.query(), w.headers(), w.body());
            case 1 -> new Wire(w.method(), "/x", w.query(), w.headers(), w.body());
            default -> new Wire(w.method(), w.path(), "Action=AssumeRole", w.headers(), w.body());
        };
        AwsException e = assertThrows(AwsException.class, () -> verify(m));
        assertEquals("SignatureDoesNotMatch", e.code());
    }
}

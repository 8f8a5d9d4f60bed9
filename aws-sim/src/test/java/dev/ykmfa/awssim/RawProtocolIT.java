package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The Query protocol on the wire: GET form, response headers, error document shapes per service. */
class RawProtocolIT {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
    private AwsSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        sim = AwsSimulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(SdkHttpMethod method, String query, String body, String service)
            throws Exception {
        URI uri = URI.create(sim.endpoint() + "/" + (query == null ? "" : "?" + query));
        SdkHttpRequest.Builder rb = SdkHttpRequest.builder().method(method).uri(uri);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            rb.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(sim.adminAccessKeyId(), sim.adminSecretAccessKey()))
                .request(rb.build()).payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder hb = HttpRequest.newBuilder(uri);
        signed.request().forEachHeader((k, vs) -> {
            if (!RESTRICTED.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                vs.forEach(v -> hb.header(k, v));
            }
        });
        hb.method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return http.send(hb.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getWithQueryString_isAcceptedLikePost() throws Exception {
        HttpResponse<String> r = send(SdkHttpMethod.GET, "Action=GetCallerIdentity&Version=2011-06-15", null, "sts");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><UserId>"), r.body());
        assertTrue(r.body().contains("<Arn>arn:aws:iam::123456789012:user/admin</Arn>"));
    }

    @Test
    void success_carriesRequestIdHeaderMatchingTheBody_andTextXml() throws Exception {
        HttpResponse<String> r = send(SdkHttpMethod.POST, null, "Action=ListUsers&Version=2010-05-08", "iam");
        assertEquals(200, r.statusCode());
        String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertTrue(r.body().contains("<ResponseMetadata><RequestId>" + id + "</RequestId></ResponseMetadata>"));
        assertEquals("text/xml", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Date").isPresent());
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken_inTheStsErrorShape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse"
                + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>"
                + "</Error><RequestId>" + id + "</RequestId></ErrorResponse>", r.body());
    }

    @Test
    void badPercentEncoding_isA400NotAServerError() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&X=%zz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("<Code>MalformedQueryString</Code>"), r.body());
    }

    @Test
    void unknownAction_isInvalidAction_withTheVersionInTheMessage() throws Exception {
        HttpResponse<String> r = send(SdkHttpMethod.POST, null, "Action=Frobnicate&Version=2010-05-08", "iam");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("<Code>InvalidAction</Code><Message>Could not find operation Frobnicate for"
                + " version 2010-05-08</Message>"), r.body());
        assertTrue(r.body().contains("xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\""));
    }

    @Test
    void ec2Errors_useEc2sOwnShape() throws Exception {
        HttpResponse<String> r = send(SdkHttpMethod.POST, null, "Action=RunInstances&Version=2016-11-15", "ec2");
        assertEquals(400, r.statusCode());
        String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidAction</Code>"
                + "<Message>The action RunInstances is not valid for this web service.</Message></Error></Errors>"
                + "<RequestID>" + id + "</RequestID></Response>", r.body());
        HttpResponse<String> ok = send(SdkHttpMethod.POST, null, "Action=DescribeInstances&Version=2016-11-15",
                "ec2");
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse"
                + " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                + ok.headers().firstValue("x-amzn-RequestId").orElseThrow()
                + "</requestId><reservationSet/></DescribeInstancesResponse>", ok.body());
    }
}

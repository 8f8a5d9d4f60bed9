package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * With a real SDK client (default retries on) against an endpoint answering 500: an MFA AssumeRole goes out exactly
 * once, while the same request without the no-retry override is retried by the SDK (which would resend the code).
 */
class MfaRequestsRetryTest {
    private static final String FAILURE = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>try again</Message></Error>"
            + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private StsClient sts;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = FAILURE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        sts = StsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))
                .build();
    }

    @AfterEach
    void stop() {
        sts.close();
        server.stop(0);
    }

    @Test
    void mfaAssumeRole_isSentOnce_evenWhenTheClientWouldRetry() {
        MfaRoleAssumer assumer = MfaRoleAssumer.builder().stsClient(sts)
                .codeSource((serial, time) -> "123456").roleArn("arn:aws:iam::123456789012:role/r")
                .serialNumber("arn:aws:iam::123456789012:mfa/u")
                .clock(new MutableClock(Instant.now())).build();

        AwsFlowException e = assertThrows(AwsFlowException.class, assumer::assumeRole);

        assertEquals(1, requests.get(), "the MFA request must not be retried by the SDK");
        assertTrue(e.getMessage().contains("InternalFailure"), e.getMessage());
    }

    @Test
    void plainAssumeRole_isRetriedByTheSdk_soTheOverrideMatters() {
        assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/r")
                .roleSessionName("s").serialNumber("arn:aws:iam::123456789012:mfa/u").tokenCode("123456")));
        assertTrue(requests.get() > 1, "SDK default retries resend the code: " + requests.get() + " request(s)");
    }
}

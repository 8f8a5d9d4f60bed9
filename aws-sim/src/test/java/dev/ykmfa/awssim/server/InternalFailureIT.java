package dev.ykmfa.awssim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.ykmfa.awssim.FaultInjection;
import dev.ykmfa.awssim.store.IamStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
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
 * A bug inside a service: a 500 (which SDKs retry) for ordinary requests, but a non-retryable 400 for a request that
 * carries a one-time code, so the SDK's default retries never resend a consumed code.
 */
class InternalFailureIT {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private StsClient sts;

    /** An STS whose every action fails with a bug. */
    private final QueryService broken = new QueryService() {
        @Override
        public String handle(Request request) {
            calls.incrementAndGet();
            throw new IllegalStateException("simulated bug");
        }

        @Override
        public boolean supports(String action) {
            return true;
        }
    };

    @BeforeEach
    void start() throws Exception {
        IamStore store = new IamStore("123456789012", "aws", Clock.systemUTC());
        store.createUser("admin", "/");
        store.importAccessKey("admin", KEY, SECRET, Clock.systemUTC().instant());
        Authenticator auth = new Authenticator(store, Clock.systemUTC(), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new HttpFrontend(auth, broken, broken, broken, new FaultInjection()));
        server.start();
        // The SDK's default retry policy: 5xx would be retried up to 3 more times.
        sts = StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void bugOnAnOrdinaryRequest_isA500ThatTheSdkRetries() {
        StsException e = assertThrows(StsException.class, sts::getCallerIdentity);
        assertEquals(500, e.statusCode());
        assertEquals("ServiceFailure", e.awsErrorDetails().errorCode());
        assertEquals(4, calls.get(), "1 attempt + 3 SDK retries");
    }

    @Test
    void bugOnARequestCarryingATokenCode_isA400ThatTheSdkDoesNotRetry() {
        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(b -> b
                .roleArn("arn:aws:iam::123456789012:role/r").roleSessionName("s1")
                .serialNumber("arn:aws:iam::123456789012:mfa/u").tokenCode("123456")));
        assertEquals(400, e.statusCode());
        assertEquals("InternalFailure", e.awsErrorDetails().errorCode());
        assertEquals(1, calls.get(), "the code is sent once");
    }
}

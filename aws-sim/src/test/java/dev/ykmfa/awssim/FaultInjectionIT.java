package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Fault injection: off by default; throttling, 500s, resets and latency per action when asked. */
class FaultInjectionIT extends FreshSimulator {
    private SdkClients clients;

    @BeforeEach
    void start() {
        clients = new SdkClients(sim);
    }

    @Test
    void defaultSimulator_injectsNothing() {
        assertFalse(sim.faults().active());
        for (int i = 0; i < 20; i++) {
            clients.sts(clients.admin()).getCallerIdentity();
        }
    }

    @Test
    void throttle_answersThrottlingForTheGivenCount_thenRecovers() {
        sim.faults().throttle("GetCallerIdentity", 2);
        StsClient sts = clients.sts(clients.admin());
        for (int i = 0; i < 2; i++) {
            StsException e = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("Throttling", e.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
            assertEquals(400, e.statusCode());
            assertTrue(e.isThrottlingException());
        }
        assertEquals("arn:aws:iam::123456789012:user/admin", sts.getCallerIdentity().arn());
    }

    @Test
    void throttle_isRetriedByTheSdksDefaultRetryPolicy() {
        sim.faults().throttle("GetCallerIdentity", 1);
        StsClient retrying = StsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(clients.admin())).build();
        assertEquals("123456789012", retrying.getCallerIdentity().account());
    }

    @Test
    void serverError_isA500WithReceiverFault_perService() {
        sim.faults().serverError("ListUsers", 1).serverError("DescribeInstances", 1);
        IamException iam = assertThrows(IamException.class, () -> clients.iam(clients.admin()).listUsers());
        assertEquals("ServiceFailure", iam.awsErrorDetails().errorCode());
        assertEquals(500, iam.statusCode());
        Ec2Exception ec2 = assertThrows(Ec2Exception.class, () -> clients.ec2(clients.admin()).describeInstances());
        assertEquals("InternalError", ec2.awsErrorDetails().errorCode());
        assertEquals(500, ec2.statusCode());
        clients.iam(clients.admin()).listUsers();
    }

    @Test
    void connectionReset_surfacesAsAClientIoError() {
        sim.faults().connectionReset("*", 1);
        assertThrows(SdkClientException.class, () -> clients.sts(clients.admin()).getCallerIdentity());
        clients.sts(clients.admin()).getCallerIdentity();
    }

    @Test
    void latency_delaysMatchingActionsOnly_andClearRemovesRules() {
        sim.faults().latency("GetCallerIdentity", Duration.ofMillis(300));
        StsClient sts = clients.sts(clients.admin());
        long t0 = System.nanoTime();
        sts.getCallerIdentity();
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
        sim.faults().clear();
        assertFalse(sim.faults().active());
    }

    @Test
    void faultsApplyBeforeProcessing_soAThrottledMfaCallDoesNotConsumeItsCode() {
        BlogFlow blog = new BlogFlow(sim, clock).setUp();
        sim.faults().throttle("AssumeRole", 1);
        String code = blog.nextCode();
        StsException e = assertThrows(StsException.class, () -> blog.assumeWithMfa(code));
        assertEquals("Throttling", e.awsErrorDetails().errorCode());
        assertTrue(blog.assumeWithMfa(code).credentials().accessKeyId().startsWith("ASIA"));
    }
}

package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The AWS blog, end to end, with the real AWS SDK v2 clients against the simulator. */
class BlogHappyPathIT extends FreshSimulator {
    private BlogFlow blog;

    @BeforeEach
    void start() {
        blog = new BlogFlow(sim, clock).setUp();
    }

    @Test
    void blog_adminSetup_thenAssumeRoleWithMfa_thenDescribeInstances() {
        GetRoleResponse role = blog.admin.getRole(b -> b.roleName(BlogFlow.ROLE));
        assertEquals(BlogFlow.ROLE_ARN, role.role().arn());
        assertTrue(role.role().roleId().startsWith("AROA"), role.role().roleId());
        assertEquals(3600, role.role().maxSessionDuration());
        assertEquals(BlogFlow.TRUST,
                URLDecoder.decode(role.role().assumeRolePolicyDocument(), StandardCharsets.UTF_8));
        assertTrue(blog.johnKey.accessKeyId().startsWith("AKIA"));
        assertEquals(40, blog.johnKey.secretAccessKey().length());

        AssumeRoleResponse assumed = blog.assumeWithMfa(blog.nextCode());
        assertEquals("arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/johndoe-dev",
                assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().matches("AROA[A-Z2-7]{17}:johndoe-dev"));
        assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
        assertEquals(clock.instant().plus(Duration.ofHours(1)).getEpochSecond(),
                assumed.credentials().expiration().getEpochSecond());

        GetCallerIdentityResponse id = blog.clients.sts(SdkClients.session(assumed.credentials()))
                .getCallerIdentity();
        assertEquals(assumed.assumedRoleUser().arn(), id.arn());
        assertEquals("123456789012", id.account());

        Ec2Client roleEc2 = blog.clients.ec2(SdkClients.session(assumed.credentials()));
        DescribeInstancesResponse instances = roleEc2.describeInstances();
        assertTrue(instances.reservations().isEmpty());

        Ec2Exception denied = assertThrows(Ec2Exception.class,
                () -> blog.clients.ec2(blog.john()).describeInstances());
        assertEquals("UnauthorizedOperation", denied.awsErrorDetails().errorCode());
        assertEquals("You are not authorized to perform this operation.", denied.awsErrorDetails().errorMessage());
        assertEquals(403, denied.statusCode());
    }
}

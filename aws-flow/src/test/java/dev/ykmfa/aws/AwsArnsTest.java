package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsArnsTest {
    @ParameterizedTest
    @CsvSource({"arn:aws:iam::123456789012:user/JohnDoe,aws", "arn:aws-cn:iam::123456789012:user/JohnDoe,aws-cn",
            "arn:aws-us-gov:iam::123456789012:user/a/b/JohnDoe,aws-us-gov"})
    void partitionOf_readsTheUserArn(String arn, String partition) {
        assertEquals(partition, AwsArns.partitionOf(arn));
        assertEquals("123456789012", AwsArns.accountOf(arn));
        assertEquals("arn:" + partition + ":iam::123456789012:mfa/JohnDoe",
                AwsArns.iam(AwsArns.partitionOf(arn), AwsArns.accountOf(arn), "mfa", "/", "JohnDoe"));
        assertEquals("arn:" + partition + ":iam::aws:policy/AmazonEC2FullAccess",
                AwsArns.awsManagedPolicy(partition, "AmazonEC2FullAccess"));
    }

    @Test
    void partitionOf_rejectsNonArnsAndUnknownPartitions() {
        assertThrows(IllegalArgumentException.class, () -> AwsArns.partitionOf("JohnDoe"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AwsArns.partitionOf("arn:aws-iso:iam::123456789012:user/x"));
        assertTrue(e.getMessage().contains("aws-us-gov"));
    }

    @Test
    void partitionOfRegion_mapsChinaGovCloudAndTheRest() {
        assertEquals("aws-cn", AwsArns.partitionOfRegion(Region.CN_NORTH_1));
        assertEquals("aws-us-gov", AwsArns.partitionOfRegion(Region.US_GOV_WEST_1));
        assertEquals("aws", AwsArns.partitionOfRegion(Region.AWS_GLOBAL));
        assertEquals("aws", AwsArns.partitionOfRegion(Region.EU_WEST_1));
        assertEquals("aws", AwsArns.partitionOfRegion(null));
    }

    @ParameterizedTest
    @CsvSource({"aws,/,JohnDoe,true", "aws-us-gov,/,JohnDoe,true", "aws,/team/,ABCDEFGHIJKLMNOPQRSTUVWXYZabc,true",
            "aws,/team/,ABCDEFGHIJKLMNOPQRSTUVWXYZabcd,false", "aws-us-gov,/team/,ABCDEFGHIJKLMNOPQRSTUV,true", "aws-us-gov,/team/,ABCDEFGHIJKLMNOPQRSTUVW,false"})
    void checkCredentialName_acceptsExactly64Bytes(String partition, String path, String user, boolean fits) {
        EnrollmentRequest request = EnrollmentRequest.builder().userName(user).roleName("r").path(path).build();
        String arn = AwsArns.iam(partition, "123456789012", "mfa", path, user);
        assertEquals(fits, arn.length() <= 64, "test data: " + arn.length());
        if (fits) {
            assertEquals(arn, MfaEnrollment.checkCredentialName(request, partition));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MfaEnrollment.checkCredentialName(request, partition));
            assertTrue(e.getMessage().contains("--credential-name"), e.getMessage());
            EnrollmentRequest shorter = EnrollmentRequest.builder().userName(user).roleName("r").path(path)
                    .credentialName("aws:" + user).build();
            assertEquals("aws:" + user, MfaEnrollment.checkCredentialName(shorter, partition));
        }
    }
}

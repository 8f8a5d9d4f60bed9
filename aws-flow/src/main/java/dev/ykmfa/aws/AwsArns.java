package dev.ykmfa.aws;

import java.util.Set;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * ARNs of the entities the blog creates, in the partitions {@code aws}, {@code aws-cn} and {@code aws-us-gov}
 * (spec/aws-mfa.md §3): {@code arn:<partition>:iam::<account>:<type><path><name>}.
 */
public final class AwsArns {
    /** The commercial partition. */
    public static final String PARTITION_AWS = "aws";
    /** The China partition. */
    public static final String PARTITION_AWS_CN = "aws-cn";
    /** The GovCloud (US) partition. */
    public static final String PARTITION_AWS_US_GOV = "aws-us-gov";
    /** The partitions supported. */
    public static final Set<String> PARTITIONS = Set.of(PARTITION_AWS, PARTITION_AWS_CN, PARTITION_AWS_US_GOV);
    /** Every AWS account id has 12 digits. */
    public static final int ACCOUNT_ID_LENGTH = 12;
    private static final String PREFIX = "arn:";
    private static final int ARN_PARTS = 6;

    private AwsArns() {
    }

    /**
     * @param arn an ARN, e.g. {@code arn:aws-us-gov:iam::123456789012:user/JohnDoe}
     * @return its partition
     * @throws IllegalArgumentException when it is not an ARN of a supported partition
     */
    public static String partitionOf(String arn) {
        String[] parts = split(arn);
        if (!PARTITIONS.contains(parts[1])) {
            throw new IllegalArgumentException("Unsupported partition '" + parts[1] + "' in " + arn
                    + ": expected one of aws, aws-cn, aws-us-gov");
        }
        return parts[1];
    }

    /**
     * @param arn an IAM ARN
     * @return its account id
     */
    public static String accountOf(String arn) {
        return split(arn)[4];
    }

    private static String[] split(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", ARN_PARTS);
        if (parts.length != ARN_PARTS || !arn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + arn + "' is not an ARN (arn:partition:service:region:account:"
                    + "resource)");
        }
        return parts;
    }

    /**
     * The partition of a region ({@code cn-north-1} → {@code aws-cn}, {@code us-gov-west-1} → {@code aws-us-gov},
     * {@code aws-global} and unknown regions → {@code aws}).
     *
     * @param region the region, may be null
     * @return the partition id
     */
    public static String partitionOfRegion(Region region) {
        if (region == null) {
            return PARTITION_AWS;
        }
        String id = region.id();
        if (id.startsWith("cn-") || id.equals("aws-cn-global")) {
            return PARTITION_AWS_CN;
        }
        if (id.startsWith("us-gov-") || id.equals("aws-us-gov-global")) {
            return PARTITION_AWS_US_GOV;
        }
        PartitionMetadata metadata = region.metadata() == null ? null : region.metadata().partition();
        return metadata != null && PARTITIONS.contains(metadata.id()) ? metadata.id() : PARTITION_AWS;
    }

    /**
     * @param partition the partition
     * @param account   the account id
     * @param type      {@code user}, {@code role}, {@code group}, {@code policy} or {@code mfa}
     * @param path      the IAM path ({@code /} or {@code /a/b/})
     * @param name      the entity name
     * @return {@code arn:<partition>:iam::<account>:<type><path><name>}
     */
    public static String iam(String partition, String account, String type, String path, String name) {
        return PREFIX + partition + ":iam::" + account + ":" + type + path + name;
    }

    /**
     * @param partition the partition
     * @param policyName an AWS-managed policy name, e.g. {@code AmazonEC2FullAccess}
     * @return {@code arn:<partition>:iam::aws:policy/<name>}
     */
    public static String awsManagedPolicy(String partition, String policyName) {
        return PREFIX + partition + ":iam::aws:policy/" + policyName;
    }

    /**
     * @param partition the partition
     * @param account   the account id
     * @return the account's root principal {@code arn:<partition>:iam::<account>:root}
     */
    public static String accountRoot(String partition, String account) {
        return PREFIX + partition + ":iam::" + account + ":root";
    }
}

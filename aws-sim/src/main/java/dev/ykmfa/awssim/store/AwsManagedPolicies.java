package dev.ykmfa.awssim.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS-managed policies the simulator ships ({@code arn:<partition>:iam::aws:policy/<name>}). Documents follow
 * the published ones; {@code ReadOnlyAccess} is abbreviated to the services the simulator and typical tests touch.
 */
final class AwsManagedPolicies {
    private AwsManagedPolicies() {
    }

    /** @return name → policy document */
    static Map<String, String> documents() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AdministratorAccess", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
        m.put("IAMFullAccess", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"iam:*\",\"organizations:DescribeAccount\",\"organizations:DescribeOrganization\","
                + "\"organizations:DescribeOrganizationalUnit\",\"organizations:DescribePolicy\","
                + "\"organizations:ListChildren\",\"organizations:ListParents\","
                + "\"organizations:ListPoliciesForTarget\",\"organizations:ListRoots\","
                + "\"organizations:ListPolicies\",\"organizations:ListTargetsForPolicy\"],\"Resource\":\"*\"}]}");
        m.put("AmazonEC2FullAccess", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Action\":\"ec2:*\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"elasticloadbalancing:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"autoscaling:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateServiceLinkedRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"iam:AWSServiceName\":[\"autoscaling.amazonaws.com\","
                + "\"ec2scheduled.amazonaws.com\",\"elasticloadbalancing.amazonaws.com\",\"spot.amazonaws.com\","
                + "\"spotfleet.amazonaws.com\",\"transitgateway.amazonaws.com\"]}}}]}");
        m.put("ReadOnlyAccess", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"autoscaling:Describe*\",\"cloudformation:Describe*\",\"cloudformation:Get*\","
                + "\"cloudformation:List*\",\"cloudwatch:Describe*\",\"cloudwatch:Get*\",\"cloudwatch:List*\","
                + "\"ec2:Describe*\",\"ec2:Get*\",\"ec2:Search*\",\"elasticloadbalancing:Describe*\","
                + "\"iam:Generate*\",\"iam:Get*\",\"iam:List*\",\"iam:Simulate*\",\"kms:Describe*\","
                + "\"kms:Get*\",\"kms:List*\",\"lambda:Get*\",\"lambda:List*\",\"logs:Describe*\",\"logs:Get*\","
                + "\"s3:Get*\",\"s3:List*\",\"sns:Get*\",\"sns:List*\",\"sqs:Get*\",\"sqs:List*\","
                + "\"sts:GetAccessKeyInfo\",\"sts:GetCallerIdentity\",\"sts:GetSessionToken\"],"
                + "\"Resource\":\"*\"}]}");
        return m;
    }

    /** @return name → description */
    static Map<String, String> descriptions() {
        return Map.of(
                "AdministratorAccess", "Provides full access to AWS services and resources.",
                "IAMFullAccess", "Provides full access to IAM via the AWS Management Console.",
                "AmazonEC2FullAccess", "Provides full access to Amazon EC2 via the AWS Management Console.",
                "ReadOnlyAccess", "Provides read-only access to AWS services and resources.");
    }
}

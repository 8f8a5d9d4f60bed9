package dev.ykmfa.awssim.policy;

/**
 * Who is making a request, as a trust policy's {@code Principal} sees it.
 *
 * @param account the caller's account id
 * @param arn the caller's ARN (user ARN, or assumed-role session ARN {@code arn:aws:sts::…:assumed-role/R/S})
 * @param roleArn for role sessions the role's IAM ARN, else null
 */
public record PrincipalRef(String account, String arn, String roleArn) {
}

package dev.ykmfa.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * An in-memory STS for unit tests: accepts a code when {@code validCode} says so and it was not used before (like
 * AWS, a used code is refused with the "invalid MFA one time pass code" AccessDenied); records every request.
 */
final class FakeSts implements StsClient {
    final List<AssumeRoleRequest> assumeRoleRequests = new ArrayList<>();
    final List<GetSessionTokenRequest> sessionTokenRequests = new ArrayList<>();
    final Set<String> usedCodes = new HashSet<>();
    private final Clock clock;
    private final Predicate<String> validCode;
    private int issued;

    FakeSts(Clock clock, Predicate<String> validCode) {
        this.clock = clock;
        this.validCode = validCode;
    }

    /** Marks a code as used by someone else (another process). */
    void consume(String code) {
        usedCodes.add(code);
    }

    @Override
    public synchronized AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        assumeRoleRequests.add(request);
        if (request.tokenCode() != null) {
            check(request.tokenCode());
        }
        int duration = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        return AssumeRoleResponse.builder()
                .credentials(credentials(duration))
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn("arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/" + request.roleSessionName())
                        .assumedRoleId("AROAEXAMPLEEXAMPLE:" + request.roleSessionName()).build())
                .build();
    }

    @Override
    public synchronized GetSessionTokenResponse getSessionToken(GetSessionTokenRequest request) {
        sessionTokenRequests.add(request);
        check(request.tokenCode());
        return GetSessionTokenResponse.builder().credentials(credentials(request.durationSeconds())).build();
    }

    private void check(String code) {
        if (!validCode.test(code) || !usedCodes.add(code)) {
            throw (StsException) StsException.builder().statusCode(403)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                            .errorMessage("MultiFactorAuthentication failed with invalid MFA one time pass code.")
                            .build())
                    .message("MultiFactorAuthentication failed with invalid MFA one time pass code.")
                    .build();
        }
    }

    private Credentials credentials(int durationSeconds) {
        issued++;
        return Credentials.builder()
                .accessKeyId(String.format("ASIAFAKE%012d", issued))
                .secretAccessKey("secret" + issued)
                .sessionToken("token" + issued)
                .expiration(clock.instant().plus(Duration.ofSeconds(durationSeconds)))
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}

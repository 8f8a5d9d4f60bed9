package dev.ykmfa.cli.demo;

import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import dev.ykmfa.aws.MfaEnrollment;
import dev.ykmfa.aws.MfaRequests;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.Sleeper;
import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.cli.Masking;
import dev.ykmfa.cli.aws.AccessKeyFile;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.cli.key.KeyMfaCodeSource;
import dev.ykmfa.cli.key.SimulatedKeyConnector;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS Security Blog's walkthrough end to end, in-process: a {@link SimulatedYubiKey} and an {@link AwsSimulator}
 * that share one {@link SharedClock}, driven by aws-flow and the real AWS SDK v2 clients over HTTP. Every step is
 * printed under the blog's names with the equivalent {@code ykman}/{@code aws} command; secrets are masked; files go
 * to a temporary directory only. Any step that does not turn out as in the blog fails the demo.
 */
public final class BlogDemo {
    /** The blog's role. */
    public static final String ROLE = "developer-ec2-mfa";
    /** The blog's user. */
    public static final String USER = "JohnDoe";
    /** The blog's profile for the role session. */
    public static final String PROFILE = "johndoe-developer-role";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int SESSION_SECONDS = 3600;

    private final PrintStream out;
    private final Path workDir;
    private final DebugLog log;
    private int stepNumber;

    /**
     * @param out where the walkthrough is printed
     * @param workDir a temporary directory for the files the blog writes (credentials files)
     * @param log debug lines
     */
    public BlogDemo(PrintStream out, Path workDir, DebugLog log) {
        this.out = out;
        this.workDir = workDir;
        this.log = log;
    }

    /** Runs the walkthrough; throws {@link CliException} when a step does not turn out as in the blog. */
    public void run() {
        long started = System.nanoTime();
        SharedClock clock = new SharedClock(Instant.now());
        AtomicInteger touches = new AtomicInteger();
        SimulatedYubiKey key = SimulatedYubiKey.builder().touchPolicy(() -> {
            touches.incrementAndGet();
            return true;
        }).build();
        Sleeper advanceInsteadOfWaiting = wait -> {
            out.println("      (the shared clock moves " + wait.toSeconds() + " s forward instead of waiting)");
            clock.advance(wait);
        };
        java.util.List<String> held = new java.util.ArrayList<>();
        UserInteraction enrollmentNotices = new UserInteraction() {
            @Override
            public void notice(String message) {
                held.add(message);
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                return Optional.empty();
            }
        };
        UserInteraction notices = new UserInteraction() {
            @Override
            public void notice(String message) {
                out.println("      " + message + " (the simulated key is touched)");
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                return Optional.empty();
            }
        };
        SdkHttpClient http = UrlConnectionHttpClient.create();
        try (AwsSimulator aws = AwsSimulator.builder().clock(clock).build().start()) {
            String account = aws.accountId();
            out.println("ykmfa demo: the AWS Security Blog's \"YubiKey for MFA with the AWS CLI\", end to end, in-process");
            out.println("  key: simulated YubiKey 5 (serial " + key.serial() + ", firmware " + key.firmwareVersion()
                    + ", OATH applet on jCardSim)");
            out.println("  AWS: aws-sim at " + aws.endpoint() + " (IAM + STS + EC2, SigV4, MFA enforced), account "
                    + account + "; AWS SDK for Java v2 clients over HTTP");
            out.println("  both share one clock, starting at " + clock.instant() + "; files go to " + workDir);
            out.println();

            // ---- Part 1: the administrator --------------------------------------------------------------------
            out.println("Part 1 - the administrator initializes the YubiKey as a virtual MFA device");
            AwsCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    aws.adminAccessKeyId(), aws.adminSecretAccessKey()));
            IamClient iam = IamClient.builder().httpClient(http).region(Region.US_EAST_1)
                    .endpointOverride(aws.endpoint()).credentialsProvider(admin).build();
            EnrollmentResult enrolled;
            Instant enrollmentStart = clock.instant();
            try (OathSession oath = OathSession.open(key)) {
                enrolled = MfaEnrollment.builder().iamClient(iam).oathSession(oath).interaction(enrollmentNotices)
                        .clock(clock).sleeper(advanceInsteadOfWaiting).build()
                        .enroll(EnrollmentRequest.builder().userName(USER).roleName(ROLE).touch(true).build());
            }
            printEnrollment(enrolled, account, held);
            SessionCredentials longTerm = enrolled.newAccessKey().orElseThrow(() -> new CliException(
                    "the enrollment created no access key for " + USER));
            Path keyFile = workDir.resolve(USER + ".credentials");
            AccessKeyFile.create(keyFile, USER, longTerm, clock.instant());
            step("Hand-off to the developer: the YubiKey, the MFA device ARN, the role ARN, the long-term keys");
            result("long-term keys in " + keyFile + " (0600): " + longTerm.accessKeyId() + " / "
                    + Masking.mask(longTerm.secretAccessKey()));
            out.println();

            // ---- Part 2: the developer ------------------------------------------------------------------------
            out.println("Part 2 - the developer assumes the role with the YubiKey as MFA");
            AwsCredentialsProvider developer = ProfileCredentialsProvider.builder()
                    .profileFile(ProfileFile.builder().content(keyFile).type(ProfileFile.Type.CREDENTIALS).build())
                    .profileName("default").build();
            StsClient sts = StsClient.builder().httpClient(http).region(Region.US_EAST_1)
                    .endpointOverride(aws.endpoint()).credentialsProvider(developer).build();
            Instant afterEnrollment = clock.instant();
            clock.advanceTo(stepStart(enrollmentStart).plus(STEP.multipliedBy(2)));
            out.println("  (AWS accepts each code once and the enrollment used this step's and the next step's codes:"
                    + " the shared clock moves " + Duration.between(afterEnrollment, clock.instant()).toSeconds()
                    + " s on, to the step after them)");
            step("Configure the long-term credentials and try the role without MFA");
            command("aws configure   # the keys from " + keyFile.getFileName());
            command("aws sts assume-role --role-arn " + enrolled.roleArn() + " --role-session-name " + USER);
            try {
                sts.assumeRole(r -> r.roleArn(enrolled.roleArn()).roleSessionName(USER));
                throw new CliException("AssumeRole without MFA was allowed: the MFA condition is not enforced");
            } catch (AwsServiceException e) {
                result("DENIED as expected: " + e.awsErrorDetails().errorCode() + ": "
                        + e.awsErrorDetails().errorMessage());
            }

            AtomicReference<String> codeSeen = new AtomicReference<>();
            KeyAccess access = new KeyAccess(new SimulatedKeyConnector(key), notices, name -> null, log);
            KeyMfaCodeSource keyCodes = new KeyMfaCodeSource(access, null, log);
            MfaRoleAssumer assumer = MfaRoleAssumer.builder().stsClient(sts)
                    .codeSource((serial, time) -> {
                        String code = keyCodes.code(serial, time);
                        codeSeen.set(code);
                        return code;
                    })
                    .roleArn(enrolled.roleArn()).serialNumber(enrolled.mfaSerialNumber()).roleSessionName(USER)
                    .duration(Duration.ofSeconds(SESSION_SECONDS)).clock(clock).sleeper(advanceInsteadOfWaiting)
                    .build();
            step("Obtain a TOTP code from the YubiKey and assume the role with it");
            command("ykman oath accounts code " + enrolled.mfaSerialNumber());
            AssumeRoleResponse assumed = assumer.assumeRole();
            result("code " + codeSeen.get());
            command("aws sts assume-role --role-arn " + enrolled.roleArn() + " --role-session-name " + USER
                    + " --serial-number " + enrolled.mfaSerialNumber() + " --token-code " + codeSeen.get()
                    + " --duration-seconds " + SESSION_SECONDS);
            Credentials c = assumed.credentials();
            result("AssumedRoleUser.Arn        " + assumed.assumedRoleUser().arn());
            result("AssumedRoleUser.AssumedRoleId " + assumed.assumedRoleUser().assumedRoleId());
            result("Credentials.AccessKeyId    " + c.accessKeyId());
            result("Credentials.SecretAccessKey " + Masking.mask(c.secretAccessKey()));
            result("Credentials.SessionToken   " + Masking.mask(c.sessionToken()));
            result("Credentials.Expiration     " + c.expiration());

            step("Save the session as the profile " + PROFILE);
            Path credentialsFile = workDir.resolve("credentials");
            command("aws configure --profile " + PROFILE + "   # + set aws_session_token");
            CredentialsFileWriter.builder().file(credentialsFile).build()
                    .writeProfile(PROFILE, MfaRequests.toSessionCredentials(c));
            result("[" + PROFILE + "] written to " + credentialsFile + ":");
            for (String line : Files.readAllLines(credentialsFile, StandardCharsets.UTF_8)) {
                out.println("        " + maskLine(line));
            }

            step("Call EC2 with the role's session");
            command("aws --profile " + PROFILE + " ec2 describe-instances");
            AwsCredentialsProvider roleProfile = ProfileCredentialsProvider.builder()
                    .profileFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS)
                            .build())
                    .profileName(PROFILE).build();
            try (Ec2Client ec2 = Ec2Client.builder().httpClient(http).region(Region.US_EAST_1)
                    .endpointOverride(aws.endpoint()).credentialsProvider(roleProfile).build()) {
                DescribeInstancesResponse r = ec2.describeInstances();
                result("ALLOWED: {\"Reservations\": " + (r.reservations().isEmpty() ? "[]"
                        : r.reservations().size() + " reservations") + "}");
            } catch (AwsServiceException e) {
                throw new CliException("DescribeInstances with the role session was refused: "
                        + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage(), e);
            }

            step("Call EC2 with the long-term keys (no role)");
            command("aws ec2 describe-instances");
            try (Ec2Client ec2 = Ec2Client.builder().httpClient(http).region(Region.US_EAST_1)
                    .endpointOverride(aws.endpoint()).credentialsProvider(developer).build()) {
                ec2.describeInstances();
                throw new CliException("DescribeInstances with the long-term keys was allowed: they should only be "
                        + "able to assume the role with MFA");
            } catch (AwsServiceException e) {
                if (!"UnauthorizedOperation".equals(e.awsErrorDetails().errorCode())) {
                    throw new CliException("DescribeInstances with the long-term keys failed with "
                            + e.awsErrorDetails().errorCode() + " instead of UnauthorizedOperation", e);
                }
                result("DENIED: " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
            }
            iam.close();
            sts.close();
            out.println();
            out.println("Done: the blog's flow works end to end (" + touches.get() + " touches, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms). The same with a real key and AWS: "
                    + "`ykmfa enroll` (admin), then `ykmfa assume` (developer); see `ykmfa --help`.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            http.close();
        }
    }

    private void printEnrollment(EnrollmentResult r, String account, java.util.List<String> keyNotices) {
        Map<String, EnrollmentResult.Outcome> o = r.outcomes();
        step("Create the role " + ROLE + " (trusts account " + account
                + ", AmazonEC2FullAccess, MaxSessionDuration 3600 s)");
        command("aws iam create-role --role-name " + ROLE + " --max-session-duration 3600 "
                + "--assume-role-policy-document '{...\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"}...}'");
        command("aws iam attach-role-policy --role-name " + ROLE
                + " --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess");
        result(r.roleArn() + "  [" + outcome(o.get("role")) + "]");
        step("Create the policy yubi-policy-mfa-level-one: sts:AssumeRole on the role only with MFA");
        command("aws iam create-policy --policy-name yubi-policy-mfa-level-one --policy-document '{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + r.roleArn() + "\",\"Condition\":"
                + "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}'");
        result(r.policyArn() + "  [" + outcome(o.get("policy")) + "]");
        step("Create the group developers-mfa with that policy");
        command("aws iam create-group --group-name developers-mfa");
        command("aws iam attach-group-policy --group-name developers-mfa --policy-arn " + r.policyArn());
        result("developers-mfa  [" + outcome(o.get("group")) + "]");
        step("Create the user " + USER + " in developers-mfa, with programmatic access");
        command("aws iam create-user --user-name " + USER);
        command("aws iam add-user-to-group --group-name developers-mfa --user-name " + USER);
        command("aws iam create-access-key --user-name " + USER);
        result(r.userArn() + "  [" + outcome(o.get("user")) + "], access key "
                + r.newAccessKey().map(SessionCredentials::accessKeyId).orElse("(none)") + " ["
                + outcome(o.get("accessKey")) + "]");
        step("Assign a virtual MFA device and show its secret key");
        command("aws iam create-virtual-mfa-device --virtual-mfa-device-name " + USER
                + " --outfile seed.txt --bootstrap-method Base32StringSeed");
        result(r.mfaSerialNumber() + "  [" + outcome(o.get("mfaDevice")) + "]  (MFA_SECRET: shown to nobody)");
        step("Add the credential to the YubiKey, named after the MFA device ARN, touch required");
        command("ykman oath accounts add -t " + r.mfaSerialNumber() + " <MFA_SECRET>");
        result(r.credentialName() + "  [" + outcome(o.get("keyCredential")) + "]");
        step("Read two consecutive TOTP codes and enable the device");
        command("ykman oath accounts code " + r.mfaSerialNumber() + "   # twice, one 30-second step apart");
        for (String notice : keyNotices) {
            out.println("      " + notice + " (the simulated key is touched)");
        }
        String first = r.codesUsed().isEmpty() ? "?" : r.codesUsed().get(0);
        String second = r.codesUsed().size() < 2 ? "?" : r.codesUsed().get(1);
        result("code 1: " + first + "   code 2: " + second + "   (computed for two consecutive steps, no 30 s wait)");
        command("aws iam enable-mfa-device --user-name " + USER + " --serial-number " + r.mfaSerialNumber()
                + " --authentication-code1 " + first + " --authentication-code2 " + second);
        result("enabled  [" + outcome(o.get("mfaEnabled")) + "]");
    }

    private static Instant stepStart(Instant t) {
        long period = STEP.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), period) * period);
    }

    private static String outcome(EnrollmentResult.Outcome o) {
        return o == null ? "?" : o.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String maskLine(String line) {
        int eq = line.indexOf('=');
        if (eq > 0) {
            String k = line.substring(0, eq).trim();
            if (k.equals(CredentialsFileWriter.KEY_SECRET_ACCESS_KEY) || k.equals(CredentialsFileWriter.KEY_SESSION_TOKEN)) {
                return line.substring(0, eq + 1) + " " + Masking.mask(line.substring(eq + 1).trim());
            }
        }
        return line;
    }

    private void step(String title) {
        stepNumber++;
        out.printf("%n %2d. %s%n", stepNumber, title);
    }

    private void command(String text) {
        out.println("      $ " + text);
    }

    private void result(String text) {
        out.println("      -> " + text);
    }
}

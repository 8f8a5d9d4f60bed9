package dev.ykmfa.aws;

import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSupplier;

/**
 * The developer's long-term (source) credentials, read the SDK way: a named profile of the shared files
 * ({@code AWS_SHARED_CREDENTIALS_FILE} / {@code AWS_CONFIG_FILE}, else {@code ~/.aws/credentials} and
 * {@code ~/.aws/config}) through {@link ProfileFile}, or the SDK's default chain. Note: the SDK ignores
 * {@code mfa_serial} in profiles (spec/aws-mfa.md §0.7) — these are only the keys that sign the MFA AssumeRole.
 */
public final class SourceCredentials {
    private SourceCredentials() {
    }

    /**
     * @param profileName the profile, e.g. {@code default}; null means the SDK's default chain (environment,
     *                    system properties, {@code AWS_PROFILE}, …)
     * @return a provider reading the shared files as the SDK does (re-read when they change)
     */
    public static AwsCredentialsProvider profile(String profileName) {
        if (profileName == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return ProfileCredentialsProvider.builder()
                .profileFile(ProfileFileSupplier.defaultSupplier())
                .profileName(profileName)
                .build();
    }

    /**
     * @param profileName     the profile in {@code credentialsFile}
     * @param credentialsFile a credentials file (INI, {@code [name]} sections)
     * @return a provider for that profile of that file
     */
    public static AwsCredentialsProvider profile(String profileName, Path credentialsFile) {
        Objects.requireNonNull(profileName, "profileName");
        ProfileFile file = ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build();
        return ProfileCredentialsProvider.builder().profileFile(file).profileName(profileName).build();
    }
}

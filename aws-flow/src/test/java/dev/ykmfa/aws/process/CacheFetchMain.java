package dev.ykmfa.aws.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A separate {@code credential_process}-like invocation for the cross-process cache test. Args: cacheDir counterFile.
 * The "fetch" (standing for a YubiKey touch + AssumeRole) appends one line to the counter file.
 */
public final class CacheFetchMain {
    private CacheFetchMain() {
    }

    public static void main(String[] args) throws Exception {
        CredentialProcessCache cache = CredentialProcessCache.builder().directory(Paths.get(args[0])).build();
        CredentialCacheKey key = CredentialCacheKey.builder().roleArn("arn:aws:iam::123456789012:role/r")
                .serialNumber("arn:aws:iam::123456789012:mfa/u").roleSessionName("s").build();
        SessionCredentials credentials = cache.getOrFetch(key, () -> {
            try {
                Thread.sleep(300);
                String pid = ProcessHandle.current().pid() + System.lineSeparator();
                Files.write(Paths.get(args[1]), pid.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return SessionCredentials.of("ASIA" + ProcessHandle.current().pid(), "secret", "token",
                    Instant.now().plusSeconds(3600));
        });
        System.out.print(CredentialProcessJson.format(credentials));
    }
}

package dev.ykmfa.conformance.backend;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * moto's server ({@code python3 -m moto.server}) on a free loopback port, started by the suite and stopped at the
 * end: a third-party IAM/STS we did not write. Its gaps (measured with moto 5.2.1, spec/aws-mfa.md §8) are declared
 * as missing capabilities, so refusal tests are skipped with the reason and the happy path is asserted as real AWS
 * would answer it.
 */
public final class MotoBackend extends SdkBackend {
    /** The install hint shown when moto is missing. */
    public static final String INSTALL_HINT = "pip install \"moto[server]\"";
    private static final String HOST = "127.0.0.1";
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final long POLL_MILLIS = 100;
    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final String ADMIN_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String ADMIN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final Process process;
    private final int port;
    private final String version;

    private MotoBackend(Process process, int port, String version) {
        this.process = process;
        this.port = port;
        this.version = version;
    }

    /**
     * @return empty when {@code python3} can import {@code moto.server}, else the reason with the install hint
     */
    public static Optional<String> unavailableReason() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return Optional.of("python3 -c \"import moto.server\" did not finish within 60 s");
            }
            return probe.exitValue() == 0 ? Optional.empty() : Optional.of("python3 cannot import moto.server: "
                    + INSTALL_HINT);
        } catch (IOException e) {
            return Optional.of("python3 is not installed (" + e.getMessage() + "): install python3, then "
                    + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing for moto");
        }
    }

    /**
     * Starts moto on a free loopback port and waits until it accepts connections.
     *
     * @return the running backend
     * @throws IOException when it does not start (its log file is named)
     */
    public static MotoBackend start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = new File(System.getProperty("java.io.tmpdir"), "ykmfa-conformance-moto-" + port + ".log");
        Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", HOST, "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("moto.server exited with " + process.exitValue() + ": see " + log);
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
                    return new MotoBackend(process, port, motoVersion());
                } catch (IOException notYet) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new IOException("moto.server did not listen on " + HOST + ":" + port + " within "
                + START_TIMEOUT_MILLIS / 1000 + " s: see " + log);
    }

    private static String motoVersion() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import moto; print(moto.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown version";
        } catch (IOException e) {
            return "unknown version";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown version";
        }
    }

    @Override
    public String name() {
        return "moto " + version + " (python3 -m moto.server)";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public Region region() {
        return Region.US_EAST_1;
    }

    @Override
    public String partition() {
        return "aws";
    }

    @Override
    public Map<Capability, Optional<String>> capabilityTable() {
        Map<Capability, Optional<String>> m = new EnumMap<>(Capability.class);
        m.put(Capability.ENFORCES_MFA_CODES, Optional.of("moto ignores SerialNumber/TokenCode in STS (spec/aws-mfa.md"
                + " §8)"));
        m.put(Capability.REJECTS_REPLAYED_CODES, Optional.of("moto ignores TokenCode, so a replay is accepted"));
        m.put(Capability.VALIDATES_ENABLE_CODES, Optional.of("moto's EnableMFADevice accepts any codes"));
        m.put(Capability.ENFORCES_POLICIES, Optional.of("moto's server runs without IAM authorization by default, and"
                + " with it ignores Bool/MFA conditions"));
        m.put(Capability.ENFORCES_SESSION_DURATION, Optional.of("moto does not compare DurationSeconds with"
                + " MaxSessionDuration"));
        m.put(Capability.VALIDATES_SIGV4, Optional.of("moto's server accepts any signature and unknown keys by"
                + " default"));
        m.put(Capability.EXPIRES_SESSIONS, Optional.of("not claimed for moto: spec/aws-mfa.md §8 records no expiry"
                + " check and the suite cannot move moto's clock to test one"));
        m.put(Capability.CONTROLLABLE_CLOCK, Optional.of("moto runs on real time"));
        m.put(Capability.AWS_MANAGED_POLICIES, Optional.of("moto does not load AWS-managed policies unless told to;"
                + " an equivalent customer-managed policy stands in"));
        m.put(Capability.RESYNC_MFA, Optional.of("moto 5.2.1 does not implement ResyncMFADevice"));
        m.put(Capability.PARTITIONS, Optional.of("the suite runs moto in the aws partition only"));
        m.put(Capability.REAL_QR_PNG, Optional.of("moto returns 64 random bytes as QRCodePNG"));
        return m;
    }

    @Override
    public AwsCredentialsProvider adminCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
    }

    @Override
    public String rolePolicyArn(IamClient admin) {
        return ec2EquivalentPolicy(admin);
    }

    @Override
    public boolean cleanUpAfterTests() {
        return false;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

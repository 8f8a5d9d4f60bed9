package dev.ykmfa.awssim;

import com.sun.net.httpserver.HttpServer;
import dev.ykmfa.awssim.ec2.Ec2Service;
import dev.ykmfa.awssim.iam.IamService;
import dev.ykmfa.awssim.mfa.MfaVerifier;
import dev.ykmfa.awssim.server.Authenticator;
import dev.ykmfa.awssim.server.Authorizer;
import dev.ykmfa.awssim.server.HttpFrontend;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local IAM + STS (+ EC2 DescribeInstances) endpoint that the real AWS SDKs and the AWS CLI talk to, verifying
 * SigV4, evaluating IAM policies and enforcing virtual-MFA codes as AWS does ({@code spec/aws-mfa.md}).
 *
 * <pre>{@code
 * try (AwsSimulator sim = AwsSimulator.builder().build().start()) {
 *     StsClient sts = StsClient.builder()
 *             .endpointOverride(sim.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *                     AwsSimulator.DEFAULT_ADMIN_ACCESS_KEY_ID, AwsSimulator.DEFAULT_ADMIN_SECRET_ACCESS_KEY)))
 *             .build();
 *     sts.getCallerIdentity();   // arn:aws:iam::123456789012:user/admin
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #store()} is the in-process seeding API for tests and benchmarks.
 */
public final class AwsSimulator implements AutoCloseable {
    /** Default account id. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** AWS's documented example access key id, the bootstrap admin's key. */
    public static final String DEFAULT_ADMIN_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    /** AWS's documented example secret, the bootstrap admin's secret. */
    public static final String DEFAULT_ADMIN_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /** The bootstrap admin user's name. */
    public static final String ADMIN_USER = "admin";
    /** Handler threads: enough for 16 concurrent clients plus slack. */
    public static final int DEFAULT_THREADS = 32;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final int BACKLOG = 512;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final Builder config;
    private final IamStore store;
    private final StateFile stateFile;
    private HttpServer server;
    private ExecutorService executor;
    private URI endpoint;

    private AwsSimulator(Builder b) {
        this.config = b;
        this.store = new IamStore(b.accountId, b.partition.id(), b.clock);
        this.stateFile = b.stateDirectory == null ? null : new StateFile(b.stateDirectory);
    }

    /** @return a builder with the defaults described on each setter */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads saved state (if a state directory is set), creates the bootstrap admin when missing and starts serving.
     *
     * @return this
     * @throws UncheckedIOException when the port cannot be bound or the state cannot be read
     */
    public synchronized AwsSimulator start() {
        if (server != null) {
            throw new IllegalStateException("the simulator is already running at " + endpoint);
        }
        try {
            if (stateFile != null) {
                stateFile.load(store);
            }
            bootstrapAdmin();
            if (stateFile != null) {
                store.onMutation(() -> stateFile.save(store));
                stateFile.save(store);
            }
            Clock clock = config.clock;
            Authorizer authorizer = new Authorizer(store, clock);
            MfaVerifier mfa = new MfaVerifier(store, clock);
            Authenticator authenticator = new Authenticator(store, clock, config.signingClock);
            HttpFrontend frontend = new HttpFrontend(authenticator,
                    new IamService(store, authorizer, mfa, authenticator.sigv4(), config.mfaSeedBytes),
                    new dev.ykmfa.awssim.sts.StsService(store, authorizer, mfa, clock),
                    new Ec2Service(authorizer), config.faults);
            if (System.getProperty(NODELAY_PROPERTY) == null) {
                // Responses go out as two writes (headers, body): without TCP_NODELAY, Nagle's algorithm and the
                // client's delayed ACK can stall the second one. Read once by the JDK server, so set it first.
                System.setProperty(NODELAY_PROPERTY, "true");
            }
            server = HttpServer.create(new InetSocketAddress(config.bindAddress, config.port), BACKLOG);
            server.createContext("/", frontend);
            AtomicInteger n = new AtomicInteger();
            executor = new ThreadPoolExecutor(config.threads, config.threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "aws-sim-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            server.setExecutor(executor);
            server.start();
            InetSocketAddress bound = server.getAddress();
            String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                    : bound.getAddress().getHostAddress();
            if (host.contains(":")) {
                host = "[" + host + "]";
            }
            endpoint = URI.create("http://" + host + ":" + bound.getPort());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start aws-sim on " + config.bindAddress.getHostAddress() + ":"
                    + config.port + ": " + e.getMessage() + " (choose another port, or 0 for any free one)", e);
        }
    }

    private void bootstrapAdmin() {
        if (store.findUser(ADMIN_USER) == null) {
            store.createUser(ADMIN_USER, "/");
            store.attachUserPolicy(ADMIN_USER, "arn:" + config.partition.id() + ":iam::aws:policy/AdministratorAccess");
        }
        if (store.accessKey(config.adminAccessKeyId) == null) {
            store.importAccessKey(ADMIN_USER, config.adminAccessKeyId, config.adminSecretAccessKey,
                    config.clock.instant());
        }
    }

    /** Stops serving (in-flight requests are cut off) and saves state when a directory is set. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        if (stateFile != null) {
            stateFile.save(store);
        }
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:4566} (after {@link #start()}) */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("the simulator is not started: call start() first");
        }
        return endpoint;
    }

    /** @return the bound port (after {@link #start()}) */
    public int port() {
        return endpoint().getPort();
    }

    /** @return the account id */
    public String accountId() {
        return config.accountId;
    }

    /** @return the bootstrap admin's access key id */
    public String adminAccessKeyId() {
        return config.adminAccessKeyId;
    }

    /** @return the bootstrap admin's secret access key (hand it only to clients) */
    public String adminSecretAccessKey() {
        return config.adminSecretAccessKey;
    }

    /** @return the partition */
    public Partition partition() {
        return config.partition;
    }

    /** @return the fault injection controller (rules may be changed while running) */
    public FaultInjection faults() {
        return config.faults;
    }

    /**
     * Test support: the state, for seeding users, keys and enabled MFA devices in-process without HTTP.
     *
     * @return the store
     */
    public IamStore store() {
        return store;
    }

    /**
     * Test support: helpers that create common fixtures in one call.
     *
     * @return a seeder over {@link #store()}
     */
    public Seeder seeder() {
        return new Seeder(store);
    }

    /** @return the simulator clock's current instant */
    public Instant now() {
        return config.clock.instant();
    }

    @Override
    public String toString() {
        return "AwsSimulator[" + (endpoint == null ? "stopped" : endpoint) + ", account " + config.accountId + "]";
    }

    /** Builder for {@link AwsSimulator}. Every setter states its default. */
    public static final class Builder {
        private int port = 0;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String accountId = DEFAULT_ACCOUNT_ID;
        private String adminAccessKeyId = DEFAULT_ADMIN_ACCESS_KEY_ID;
        private String adminSecretAccessKey = DEFAULT_ADMIN_SECRET_ACCESS_KEY;
        private Clock clock = Clock.systemUTC();
        private Clock signingClock = Clock.systemUTC();
        private Partition partition = Partition.AWS;
        private FaultInjection faults = new FaultInjection();
        private Path stateDirectory;
        private int threads = DEFAULT_THREADS;
        private int mfaSeedBytes = 20;

        private Builder() {
        }

        /**
         * @param port TCP port; default 0 = any free port
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param address bind address; default 127.0.0.1 (loopback only)
         * @return this
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * @param accountId 12-digit account id; default {@value #DEFAULT_ACCOUNT_ID}
         * @return this
         */
        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
                throw new IllegalArgumentException("an account id is 12 digits, e.g. 123456789012, not '"
                        + accountId + "'");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * @param accessKeyId bootstrap admin key id; default {@value #DEFAULT_ADMIN_ACCESS_KEY_ID}
         * @param secretAccessKey its secret; default AWS's documented example secret
         * @return this
         */
        public Builder adminCredentials(String accessKeyId, String secretAccessKey) {
            if (accessKeyId == null || !accessKeyId.matches("AKIA[A-Z0-9]{16}")) {
                throw new IllegalArgumentException("the admin access key id must look like AKIA + 16 upper-case"
                        + " letters/digits, e.g. " + DEFAULT_ADMIN_ACCESS_KEY_ID);
            }
            if (secretAccessKey == null || secretAccessKey.length() != 40) {
                throw new IllegalArgumentException("the admin secret access key must be 40 characters");
            }
            this.adminAccessKeyId = accessKeyId;
            this.adminSecretAccessKey = secretAccessKey;
            return this;
        }

        /**
         * @param clock simulator time for TOTP, session expiry and creation dates; default system UTC. Tests pass a
         *        mutable clock to expire sessions or move across TOTP steps without waiting.
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param clock time against which the signed request time ({@code X-Amz-Date}) must be within 15 minutes;
         *        default system UTC — SDKs sign with real time even when {@link #clock(Clock)} is simulated
         * @return this
         */
        public Builder signingClock(Clock clock) {
            this.signingClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param partition partition for ARNs; default {@link Partition#AWS}
         * @return this
         */
        public Builder partition(Partition partition) {
            this.partition = Objects.requireNonNull(partition, "partition");
            return this;
        }

        /**
         * @param faults fault injection rules; default none (off)
         * @return this
         */
        public Builder faultInjection(FaultInjection faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * @param dir directory holding {@code aws-sim-state.json}; loaded on start, saved atomically after every
         *        change and on close; default none (state lives in memory only)
         * @return this
         */
        public Builder stateDirectory(Path dir) {
            this.stateDirectory = dir;
            return this;
        }

        /**
         * @param threads request handler threads; default {@value #DEFAULT_THREADS}
         * @return this
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param bytes length of seeds of new virtual MFA devices; default 20 (160 bits, RFC 4226's
         *        recommendation). Real AWS seeds observed in the field are 40 bytes (64 Base32 characters); pass 40
         *        to test clients against that.
         * @return this
         */
        public Builder mfaSeedBytes(int bytes) {
            if (bytes < 10 || bytes > 64) {
                throw new IllegalArgumentException("MFA seed length must be 10..64 bytes, not " + bytes);
            }
            this.mfaSeedBytes = bytes;
            return this;
        }

        /** @return the simulator (not yet started) */
        public AwsSimulator build() {
            return new AwsSimulator(this);
        }
    }
}

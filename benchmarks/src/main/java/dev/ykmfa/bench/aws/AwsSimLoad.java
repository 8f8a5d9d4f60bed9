package dev.ykmfa.bench.aws;

import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.awssim.Seeder;
import dev.ykmfa.bench.harness.LatencyStats;
import dev.ykmfa.bench.harness.Results;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on aws-sim over loopback HTTP: SigV4-signed {@code sts:AssumeRole} with {@code SerialNumber} and a fresh, valid
 * {@code TokenCode} from 1, 4 and 16 concurrent clients (each its own keep-alive connection), GetCallerIdentity as the
 * baseline, the rejected-code paths (wrong and replayed codes) apart, in-process start-up time, and how latency grows
 * with the number of users and devices in the store. Replay protection and policy evaluation stay on: the users are
 * seeded in-process (each with an enabled virtual MFA device) and every device gets at most one code per 30 s step.
 * Prints {@code RESULT} lines (JSON) for scripts/bench.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ykmfa.bench.aws.AwsSimLoad [--users N] [--seconds S]
 * [--clients 1,4,16] [--scaling 10,100,1000,10000]}.
 */
public final class AwsSimLoad {
    private static final String REGION = "us-east-1";
    private static final String ROLE = "bench-developer-role";
    private static final String STS_VERSION = "2011-06-15";
    private static final int DURATION_SECONDS = 900;
    private static final int REPLAY_RING = 1 << 16;
    private static final int CODE_MODULUS = 1_000_000;
    private static final int WRONG_OFFSET = 500_000;
    private static final int MAX_ERROR_SAMPLES = 5;
    private static final long PERIOD_MILLIS = 30_000;
    /** An upper bound of the AssumeRole rate on this machine, to decide whether a phase needs a fresh step. */
    private static final double MAX_EXPECTED_RPS = 16_000;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final String INVALID_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

    /** What one phase sends and what it expects back. */
    enum Kind {
        /** AssumeRole with a fresh, valid code: expects 200 with credentials. */
        ASSUME_ROLE,
        /** GetCallerIdentity: expects 200 with the caller's ARN. */
        GET_CALLER_IDENTITY,
        /** AssumeRole with a wrong code: expects 403 AccessDenied (invalid code). */
        WRONG_CODE,
        /** AssumeRole re-sending a code that was accepted: expects 403 AccessDenied (invalid code). */
        REPLAYED_CODE
    }

    private final AwsSimulator sim;
    private final Population population;
    private final String roleArn;
    private final int[] replayUser = new int[REPLAY_RING];
    private final String[] replayCode = new String[REPLAY_RING];
    private final AtomicInteger replayWritten = new AtomicInteger();

    private AwsSimLoad(AwsSimulator sim) {
        this.sim = sim;
        Seeder seeder = sim.seeder();
        String account = sim.accountId();
        String partition = sim.partition().id();
        this.roleArn = "arn:" + partition + ":iam::" + account + ":role/" + ROLE;
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:" + partition + ":iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        seeder.role(ROLE, trust, 3600, seeder.awsManagedPolicyArn("AmazonEC2FullAccess"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"" + roleArn + "\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        String policyArn = seeder.policy("bench-assume-with-mfa", policy).arn();
        seeder.group(Population.GROUP, policyArn);
        this.population = new Population(sim, Population.GROUP);
    }

    /** @param args see the class documentation */
    public static void main(String[] args) throws InterruptedException {
        int users = 100_000;
        double seconds = 6;
        int[] clients = {1, 4, 16};
        int[] scaling = {10, 100, 1_000, 10_000};
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--clients" -> clients = ints(args[i + 1]);
                case "--scaling" -> scaling = args[i + 1].isEmpty() ? new int[0] : ints(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + ": use --users N, --seconds S, --clients 1,4,16, --scaling 10,100");
            }
        }
        run(users, seconds, clients, scaling);
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Runs every phase and prints the results.
     *
     * @param users users/devices in the main store
     * @param seconds length of each load phase
     * @param clients the concurrency levels
     * @param scaling store sizes for the scaling curve (the main store size is measured too)
     */
    public static void run(int users, double seconds, int[] clients, int[] scaling) throws InterruptedException {
        long t0 = System.nanoTime();
        AwsSimulator main = AwsSimulator.builder().build().start();
        long coldStart = System.nanoTime() - t0;
        t0 = System.nanoTime();
        AwsSimulator.builder().build().start().close();
        long warmStart = System.nanoTime() - t0;
        Results.emit("aws.startup", Results.field("cold_ms", coldStart / NANOS_PER_MILLI) + ","
                + Results.field("warm_ms", warmStart / NANOS_PER_MILLI));
        int maxClients = Arrays.stream(clients).max().orElse(1);
        try {
            AwsSimLoad load = new AwsSimLoad(main);
            long seedNanos = load.population.growTo(users);
            Results.emit("aws.seed", "\"users\":" + users + "," + Results.field("seconds", seedNanos / 1e9) + ","
                    + Results.field("users_per_s", users / (seedNanos / 1e9)));
            load.phase("aws.warmup", Kind.ASSUME_ROLE, maxClients, Math.min(seconds, 3), false, true);
            load.phase("aws.warmup_gci", Kind.GET_CALLER_IDENTITY, maxClients, Math.min(seconds, 2), false);
            for (int c : clients) {
                load.awaitFreshUsers((int) Math.min(users / 2, seconds * MAX_EXPECTED_RPS));
                load.phase("aws.assume_role.c" + c, Kind.ASSUME_ROLE, c, seconds, true, true);
            }
            for (int c : clients) {
                load.phase("aws.get_caller_identity.c" + c, Kind.GET_CALLER_IDENTITY, c, seconds / 2, true);
            }
            load.phase("aws.wrong_code.c" + maxClients, Kind.WRONG_CODE, maxClients, seconds / 2, true);
            load.phase("aws.replayed_code.c" + maxClients, Kind.REPLAYED_CODE, maxClients, seconds / 2, true);
            // the 1-client phases above are the scaling curve's point at the full store size
        } finally {
            main.close();
        }
        for (int level : scaling) {
            if (level >= users) {
                continue;
            }
            try (AwsSimulator sim = AwsSimulator.builder().build().start()) {
                AwsSimLoad load = new AwsSimLoad(sim);
                load.population.growTo(level);
                load.scalePoint(level);
            }
        }
    }

    /** Sleeps until the next 30 s step when fewer than {@code wanted} users can still get a code in this one. */
    private void awaitFreshUsers(int wanted) throws InterruptedException {
        Instant now = Instant.now();
        if (population.freshCount(now) < wanted) {
            Thread.sleep(PERIOD_MILLIS - now.toEpochMilli() % PERIOD_MILLIS + 1);
        }
    }

    /** Short single-client AssumeRole (fresh codes, as many as the store allows) and GetCallerIdentity runs. */
    private void scalePoint(int users) throws InterruptedException {
        phase("aws.scale.u" + users + ".assume_role", Kind.ASSUME_ROLE, 1, 1.5, true, true);
        phase("aws.scale.u" + users + ".get_caller_identity", Kind.GET_CALLER_IDENTITY, 1, 1.0, true);
    }

    private void phase(String name, Kind kind, int clients, double seconds, boolean report)
            throws InterruptedException {
        phase(name, kind, clients, seconds, report, false);
    }

    private void phase(String name, Kind kind, int clients, double seconds, boolean report,
                       boolean stopWhenExhausted) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        long[] deadlineHolder = new long[1];
        for (int c = 0; c < clients; c++) {
            Worker w = new Worker(c, kind, start, done, deadlineHolder, errorSamples, stopWhenExhausted, threads);
            workers.add(w);
            Thread t = new Thread(w, name + "-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        deadlineHolder[0] = t0 + (long) (seconds * 1e9);
        start.countDown();
        done.await();
        long elapsed = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (!report) {
            return;
        }
        long ok = 0;
        long errors = 0;
        long stalls = 0;
        boolean exhausted = false;
        long prep = 0;
        long clientCpu = 0;
        int samples = 0;
        for (Worker w : workers) {
            ok += w.ok;
            errors += w.errors;
            stalls += w.stalls;
            exhausted |= w.exhausted;
            prep += w.prepNanos;
            clientCpu += w.cpuNanos;
            samples += w.count;
        }
        long[] all = new long[samples];
        int p = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, p, w.count);
            p += w.count;
        }
        LatencyStats stats = new LatencyStats(all);
        double secs = elapsed / 1e9;
        StringBuilder f = new StringBuilder();
        f.append("\"kind\":\"").append(kind).append("\",\"clients\":").append(clients)
                .append(",\"users\":").append(population.active())
                .append(",\"requests\":").append(samples).append(",\"ok\":").append(ok)
                .append(",\"errors\":").append(errors).append(",\"stalls\":").append(stalls)
                .append(",\"users_exhausted\":").append(exhausted).append(',')
                .append(Results.field("seconds", secs)).append(',')
                .append(Results.field("throughput_rps", ok / secs)).append(',')
                .append(stats.jsonFields()).append(',')
                .append(Results.field("client_prep_us", samples == 0 ? 0 : prep / 1e3 / samples)).append(',')
                .append(Results.field("client_cpu_share", cpu == 0 ? 0 : (double) clientCpu / cpu)).append(',')
                .append(Results.field("process_cpu_cores", cpu / (double) elapsed));
        if (!errorSamples.isEmpty()) {
            f.append(",\"error_samples\":\"").append(String.join(" | ", errorSamples).replace("\"", "'")
                    .replace("\n", " ")).append('"');
        }
        Results.emit(name, f.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One client: its own connection and signer; records each request's latency. */
    private final class Worker implements Runnable {
        private final int id;
        private final Kind kind;
        private final CountDownLatch start;
        private final CountDownLatch done;
        private final long[] deadline;
        private final ConcurrentLinkedQueue<String> errorSamples;
        private final boolean stopWhenExhausted;
        private final ThreadMXBean threads;
        long[] latencies = new long[1 << 14];
        int count;
        long ok;
        long errors;
        long stalls;
        boolean exhausted;
        long prepNanos;
        long cpuNanos;

        Worker(int id, Kind kind, CountDownLatch start, CountDownLatch done, long[] deadline,
               ConcurrentLinkedQueue<String> errorSamples, boolean stopWhenExhausted, ThreadMXBean threads) {
            this.id = id;
            this.kind = kind;
            this.start = start;
            this.done = done;
            this.deadline = deadline;
            this.errorSamples = errorSamples;
            this.stopWhenExhausted = stopWhenExhausted;
            this.threads = threads;
        }

        @Override
        public void run() {
            long cpu0 = threads.getCurrentThreadCpuTime();
            String host = sim.endpoint().getHost();
            RawHttpClient http = new RawHttpClient(host, sim.port());
            SigV4Signer signer = new SigV4Signer(REGION, "sts", http.hostHeader());
            int sequence = id * 7919;
            try {
                start.await();
                requests:
                while (System.nanoTime() < deadline[0]) {
                    long p0 = System.nanoTime();
                    Instant now = Instant.now();
                    int user;
                    String code = null;
                    String body;
                    switch (kind) {
                        case ASSUME_ROLE -> {
                            user = population.leaseFresh(now);
                            if (user < 0) {
                                if (stopWhenExhausted) {
                                    exhausted = true;
                                    break requests;
                                }
                                stalls++;
                                Thread.sleep(PERIOD_MILLIS - now.toEpochMilli() % PERIOD_MILLIS + 1);
                                continue;
                            }
                            code = population.code(user, now);
                            body = assumeRoleBody(user, code);
                        }
                        case GET_CALLER_IDENTITY -> {
                            user = population.any(sequence++);
                            body = "Action=GetCallerIdentity&Version=" + STS_VERSION;
                        }
                        case WRONG_CODE -> {
                            user = population.any(sequence++);
                            body = assumeRoleBody(user, wrongCode(user, now));
                        }
                        default -> {
                            int written = Math.min(replayWritten.get(), REPLAY_RING);
                            if (written == 0) {
                                throw new IllegalStateException("no accepted code to replay: run AssumeRole first");
                            }
                            int slot = Math.floorMod(sequence++, written);
                            user = replayUser[slot];
                            body = assumeRoleBody(user, replayCode[slot]);
                        }
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                    String amzDate = signer.amzDate(now);
                    SigV4Signer.Signed signed = signer.sign(population.accessKeyId(user),
                            population.signingKey(user, signer, amzDate), amzDate, bytes);
                    long t0 = System.nanoTime();
                    prepNanos += t0 - p0;
                    RawHttpClient.Response r;
                    try {
                        r = http.post(signed.headerLines(), bytes);
                    } catch (java.io.IOException e) {
                        record(System.nanoTime() - t0);
                        error("I/O: " + e);
                        continue;
                    }
                    record(System.nanoTime() - t0);
                    check(r, user, code);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                http.close();
                cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
                done.countDown();
            }
        }

        private String assumeRoleBody(int user, String code) {
            return "Action=AssumeRole&Version=" + STS_VERSION + "&RoleArn=" + enc(roleArn) + "&RoleSessionName=bench-"
                    + user + "&SerialNumber=" + enc(population.serial(user)) + "&TokenCode=" + code
                    + "&DurationSeconds=" + DURATION_SECONDS;
        }

        private String wrongCode(int user, Instant now) {
            int candidate = Integer.parseInt(population.code(user, now)) + WRONG_OFFSET;
            while (true) {
                String c = String.format(Locale.ROOT, "%06d", candidate % CODE_MODULUS);
                boolean valid = false;
                for (int s = -1; s <= 1; s++) {
                    valid |= c.equals(population.code(user, now.plusSeconds(30L * s)));
                }
                if (!valid) {
                    return c;
                }
                candidate++;
            }
        }

        private void check(RawHttpClient.Response r, int user, String code) {
            boolean good = switch (kind) {
                case ASSUME_ROLE -> r.status() == 200 && r.body().contains("<AccessKeyId>")
                        && r.body().contains("<SessionToken>");
                case GET_CALLER_IDENTITY -> r.status() == 200 && r.body().contains("<Arn>")
                        && r.body().contains(Population.userName(user));
                default -> r.status() == 403 && r.body().contains("AccessDenied") && r.body().contains(INVALID_CODE);
            };
            if (!good) {
                error(r.status() + " " + r.body());
                return;
            }
            ok++;
            if (kind == Kind.ASSUME_ROLE) {
                int slot = replayWritten.getAndIncrement() & (REPLAY_RING - 1);
                replayUser[slot] = user;
                replayCode[slot] = code;
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private void error(String what) {
            errors++;
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
            }
        }
    }
}

package dev.ykmfa.bench.aws;

import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.awssim.Seeder;
import dev.ykmfa.protocol.otp.Totp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Users with an access key and an enabled virtual MFA device, seeded in-process with aws-sim's {@link Seeder} (no
 * HTTP, no two-code ceremony), and handed out so that
 * no device gets two codes in one 30 s step (aws-sim, like AWS, accepts one code per step per device). Round-robin
 * over the active users; a user is leased only when the current step is later than the step it was last used in.
 */
public final class Population {
    /** The group every user joins; its policy allows sts:AssumeRole on the role when MFA is present. */
    public static final String GROUP = "bench-developers";
    private static final long PERIOD_SECONDS = 30;

    private final AwsSimulator sim;
    private final String groupName;
    private String[] accessKeyIds = new String[0];
    private String[] secrets = new String[0];
    private String[] serials = new String[0];
    private Totp[] totps = new Totp[0];
    private byte[][] signingKeys = new byte[0][];
    private String[] signingKeyDates = new String[0];
    private AtomicLongArray lastStep = new AtomicLongArray(0);
    private volatile int active;
    private final AtomicInteger cursor = new AtomicInteger();

    /**
     * @param sim the simulator to seed
     * @param groupName the group to add users to
     */
    public Population(AwsSimulator sim, String groupName) {
        this.sim = sim;
        this.groupName = groupName;
    }

    /**
     * Seeds users until there are {@code total}, and makes all of them active.
     *
     * @param total the population size wanted
     * @return nanoseconds spent seeding the new users
     */
    public long growTo(int total) {
        int from = accessKeyIds.length;
        if (total <= from) {
            active = total;
            return 0;
        }
        String[] ak = java.util.Arrays.copyOf(accessKeyIds, total);
        String[] sk = java.util.Arrays.copyOf(secrets, total);
        String[] sn = java.util.Arrays.copyOf(serials, total);
        Totp[] tp = java.util.Arrays.copyOf(totps, total);
        byte[][] keys = java.util.Arrays.copyOf(signingKeys, total);
        String[] keyDates = java.util.Arrays.copyOf(signingKeyDates, total);
        AtomicLongArray steps = new AtomicLongArray(total);
        for (int i = 0; i < from; i++) {
            steps.set(i, lastStep.get(i));
        }
        for (int i = from; i < total; i++) {
            steps.set(i, Long.MIN_VALUE);
        }
        Seeder seeder = sim.seeder();
        long t0 = System.nanoTime();
        for (int i = from; i < total; i++) {
            Seeder.SeededUser u = seeder.userWithVirtualMfa(userName(i), groupName);
            ak[i] = u.accessKeyId();
            sk[i] = u.secretAccessKey();
            sn[i] = u.serialNumber();
            tp[i] = Totp.builder(u.seed()).build();
        }
        long spent = System.nanoTime() - t0;
        accessKeyIds = ak;
        secrets = sk;
        serials = sn;
        totps = tp;
        signingKeys = keys;
        signingKeyDates = keyDates;
        lastStep = steps;
        active = total;
        return spent;
    }

    /**
     * @param i a user index
     * @return that user's IAM user name
     */
    public static String userName(int i) {
        return String.format("bench-user-%06d", i);
    }

    /**
     * Counts the active users that may still get a code in the step of {@code now}.
     *
     * @param now the time
     * @return how many are fresh
     */
    public int freshCount(Instant now) {
        long step = Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
        int fresh = 0;
        for (int i = 0; i < active; i++) {
            if (lastStep.get(i) < step) {
                fresh++;
            }
        }
        return fresh;
    }

    /** @return how many users requests are spread over */
    public int active() {
        return active;
    }

    /**
     * Leases a user whose device has not been given a code in the current step.
     *
     * @param now the current time
     * @return the user index, or -1 when every active user already had a code this step
     */
    public int leaseFresh(Instant now) {
        long step = Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
        int n = active;
        for (int tries = 0; tries < n; tries++) {
            int i = Math.floorMod(cursor.getAndIncrement(), n);
            long last = lastStep.get(i);
            if (last < step && lastStep.compareAndSet(i, last, step)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param i a user
     * @return any active user index, for calls without MFA (round-robin)
     */
    public int any(int i) {
        return Math.floorMod(i, active);
    }

    /** @return the user's access key id */
    public String accessKeyId(int i) {
        return accessKeyIds[i];
    }

    /** @return the user's MFA device ARN */
    public String serial(int i) {
        return serials[i];
    }

    /** @return the user's current code */
    public String code(int i, Instant now) {
        return totps[i].generateString(now);
    }

    /**
     * The user's SigV4 signing key for the day of {@code amzDate}, derived once per day like the SDKs do. Racy but
     * benign: two threads may both derive the same key.
     */
    public byte[] signingKey(int i, SigV4Signer signer, String amzDate) {
        String day = amzDate.substring(0, 8);
        byte[] k = signingKeys[i];
        if (k == null || !day.equals(signingKeyDates[i])) {
            k = signer.signingKey(secrets[i], amzDate);
            signingKeys[i] = k;
            signingKeyDates[i] = day;
        }
        return k;
    }
}

package dev.ykmfa.protocol.ykoath;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Hands out recorded host challenges, in order, so sessions reproduce the spec's transcripts. */
final class FixedChallenges implements RandomGenerator {
    private final Deque<byte[]> challenges = new ArrayDeque<>();

    FixedChallenges(String... hex) {
        for (String h : hex) {
            challenges.add(Hex.bytes(h));
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = challenges.poll();
        if (next == null || next.length != bytes.length) {
            throw new IllegalStateException("the test did not script a " + bytes.length + "-byte challenge");
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextBytes is scripted");
    }
}

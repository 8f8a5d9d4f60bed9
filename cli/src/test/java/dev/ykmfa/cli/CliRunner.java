package dev.ykmfa.cli;

import dev.ykmfa.cli.key.SimulatedKeyConnector;
import dev.ykmfa.protocol.transport.ApduTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code ykmfa} in-process through {@link Main#run(String[], CliContext)} and captures what it printed. */
final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private ApduTransport key;
    final AtomicInteger apdus = new AtomicInteger();

    CliRunner key(ApduTransport key) {
        this.key = key;
        return this;
    }

    CliRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext.Builder context = CliContext.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .env(env).clock(clock);
        if (key != null) {
            ApduTransport counting = new ApduTransport() {
                @Override
                public byte[] transmit(byte[] commandApdu) {
                    apdus.incrementAndGet();
                    return key.transmit(commandApdu);
                }

                @Override
                public void close() {
                    key.close();
                }
            };
            context.keyConnector(new SimulatedKeyConnector(counting));
        }
        int exit = Main.run(args, context.build());
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run printed and returned. */
    static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}

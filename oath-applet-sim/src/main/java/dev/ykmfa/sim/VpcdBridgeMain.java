package dev.ykmfa.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: serves a simulated YubiKey to pcscd through vpcd until interrupted (Ctrl-C/SIGTERM).
 *
 * <pre>
 * java -cp ... dev.ykmfa.sim.VpcdBridgeMain [--host H] [--port P] [--serial N] [--capacity N] [--touch approve|deny]
 *                                   [--state FILE]
 * </pre>
 * It prints the reader name and, once vpcd accepted the connection, a line starting with {@code ready}.
 * With {@code --state FILE} the key's content is loaded from FILE if it exists and saved to it after every change
 * ({@link SimulatedYubiKey.Builder#stateFile(Path)}). Exit code 2 for bad arguments, 1 for an unusable state file.
 */
public final class VpcdBridgeMain {
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_STATE = 1;
    private static final Duration STATUS_WAIT = Duration.ofSeconds(10);

    private VpcdBridgeMain() {
    }

    /** @param args see the class documentation */
    public static void main(String[] args) throws InterruptedException {
        String host = SimConstants.VPCD_DEFAULT_HOST;
        int port = SimConstants.VPCD_DEFAULT_PORT;
        SimulatedYubiKey.Builder builder = SimulatedYubiKey.builder();
        PrintStream out = System.out;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--serial" -> builder.serial(Integer.parseInt(value(args, ++i, a)));
                    case "--capacity" -> builder.capacity(Integer.parseInt(value(args, ++i, a)));
                    case "--touch" -> builder.touchPolicy(touch(value(args, ++i, a)));
                    case "--state" -> builder.stateFile(Path.of(value(args, ++i, a)));
                    case "-h", "--help" -> {
                        usage(out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(EXIT_USAGE);
            return;
        }
        SimulatedYubiKey key;
        try {
            key = builder.build();
        } catch (SimulatorStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_STATE);
            return;
        }
        VpcdBridge bridge = VpcdBridge.start(key, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "vpcd-bridge-shutdown"));
        out.println("Simulated YubiKey 5 NFC: serial " + key.serial() + ", firmware " + key.firmwareVersion()
                + ", " + key.capacity() + " OATH slots");
        out.println("Reader: " + bridge.readerName() + " (vpcd at " + host + ":" + port + ")");
        out.println("Try: ykman --reader \"" + bridge.readerName() + "\" info");
        while (!bridge.awaitConnected(STATUS_WAIT)) {
            out.println("waiting for vpcd at " + host + ":" + port + " (is pcscd with vsmartcard-vpcd running?)");
        }
        out.println("ready: serving " + bridge.readerName());
        out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static TouchPolicy touch(String v) {
        return switch (v) {
            case "approve" -> TouchPolicy.APPROVE;
            case "deny" -> TouchPolicy.DENY;
            default -> throw new IllegalArgumentException("--touch must be approve or deny, was " + v);
        };
    }

    private static void usage(PrintStream out) {
        out.println("usage: VpcdBridgeMain [--host 127.0.0.1] [--port 35963] [--serial N] [--capacity 1..254]"
                + " [--touch approve|deny] [--state FILE]");
    }
}

package dev.ykmfa.cli.command;

import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.Masking;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.YkmfaCommand;
import dev.ykmfa.sim.SimConstants;
import dev.ykmfa.sim.SimulatedYubiKey;
import dev.ykmfa.sim.VpcdBridge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ykmfa sim}: serves a simulated YubiKey to pcscd through vpcd and/or aws-sim on a port until SIGINT/SIGTERM.
 * Prints the endpoint, the reader name and the bootstrap admin credentials, then a line starting with {@code ready}.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Serve a simulated YubiKey through vpcd (pcscd sees it as the reader 'Virtual PCD 00 00', so "
                + "ykman and ykmfa --reader use it like hardware) and aws-sim (IAM + STS + EC2 enforcing MFA) on "
                + "127.0.0.1, until Ctrl-C/SIGTERM. Prints a line starting with 'ready' once both accept requests.",
            "With --state DIR the key's credentials and aws-sim's users, roles and devices survive a restart."},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa sim --state ~/.ykmfa-sim",
            "  ykman --reader 'Virtual PCD 00 00' oath accounts list",
            "  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \\",
            "    /usr/bin/aws --endpoint-url http://127.0.0.1:4566 --region us-east-1 sts get-caller-identity"})
public final class SimCommand extends Subcommand {
    /** aws-sim's port in {@code ykmfa sim} (DESIGN.md §5). */
    public static final int DEFAULT_AWS_PORT = 4566;
    private static final Duration VPCD_STATUS_EVERY = Duration.ofSeconds(10);
    private static final int MAX_VPCD_SLOT = 9;

    @Option(names = "--aws-port", paramLabel = "N", description = "aws-sim's port (default 4566; 0 = any free port).")
    private int awsPort = DEFAULT_AWS_PORT;

    @Option(names = "--vpcd", paramLabel = "HOST:PORT", description = "vpcd's address (default 127.0.0.1:35963).")
    private String vpcd = SimConstants.VPCD_DEFAULT_HOST + ":" + SimConstants.VPCD_DEFAULT_PORT;

    @Option(names = "--no-key", description = "Do not serve a key (aws-sim only).")
    private boolean noKey;

    @Option(names = "--no-aws", description = "Do not serve aws-sim (key only).")
    private boolean noAws;

    @Option(names = "--state", paramLabel = "DIR", description = "Keep the key's and aws-sim's state in DIR.")
    private Path state;

    @Option(names = "--serial", paramLabel = "N", description = "The simulated key's serial (default 12345678).")
    private int serial = SimConstants.DEFAULT_SERIAL;

    @Override
    public Integer call() throws InterruptedException {
        if (noKey && noAws) {
            throw new UsageException("--no-key and --no-aws together leave nothing to serve: drop one of them");
        }
        String host = vpcdHost();
        int port = vpcdPort();
        CompletableFuture<Void> stop = context().stopSignal() != null ? context().stopSignal()
                : new CompletableFuture<>();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = null;
        if (context().stopSignal() == null) {
            hook = new Thread(() -> {
                stop.complete(null);
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ykmfa-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        AwsSimulator aws = null;
        AutoCloseable bridge = null;
        try {
            StringBuilder ready = new StringBuilder("ready:");
            if (!noAws) {
                aws = AwsSimulator.builder().port(awsPort)
                        .stateDirectory(state == null ? null : state.resolve("aws")).build().start();
                out().println("AWS endpoint: " + aws.endpoint() + " (aws-sim: IAM, STS, EC2; account "
                        + aws.accountId() + "; any region)");
                out().println("  bootstrap admin '" + AwsSimulator.ADMIN_USER + "': AWS_ACCESS_KEY_ID="
                        + aws.adminAccessKeyId() + " AWS_SECRET_ACCESS_KEY="
                        + printableAdminSecret(aws.adminSecretAccessKey()));
                ready.append(" aws-sim at ").append(aws.endpoint());
            }
            if (!noKey) {
                SimulatedYubiKey.Builder builder = SimulatedYubiKey.builder().serial(serial);
                if (state != null) {
                    builder.stateFile(state.resolve(YkmfaCommand.KEY_STATE_FILE));
                }
                SimulatedYubiKey key = builder.build();
                String reader = readerName(port);
                VpcdBridge vpcdBridge = VpcdBridge.start(key, host, port);
                bridge = vpcdBridge;
                out().println("Key: simulated YubiKey 5, serial " + key.serial() + ", firmware "
                        + key.firmwareVersion() + (state == null ? " (in memory: pass --state DIR to keep its "
                        + "credentials)" : " (state in " + state.resolve(YkmfaCommand.KEY_STATE_FILE) + ")"));
                out().println("Reader name: " + reader + " (through vpcd at " + host + ":" + port + ")");
                awaitVpcd(vpcdBridge::awaitConnected, host, port, stop);
                if (stop.isDone()) {
                    return ExitCodes.OK;
                }
                ready.append(ready.length() > "ready:".length() ? "," : "").append(" key in reader '")
                        .append(reader).append("'");
            }
            out().println(ready);
            out().flush();
            stop.join();
            err().println("ykmfa sim: stopping");
            return ExitCodes.OK;
        } finally {
            if (bridge != null) {
                try {
                    bridge.close();
                } catch (Exception e) {
                    log().debug(() -> "closing the vpcd link failed: " + e.getMessage());
                }
            }
            if (aws != null) {
                aws.close();
            }
            closed.countDown();
            if (hook != null && !stop.isDone()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
    }

    /**
     * The admin secret as {@code sim} prints it: in full only when it is AWS's documented example secret (the
     * default, public anyway, and what scripts copy); any other secret is masked.
     *
     * @param secret the bootstrap admin's secret access key
     * @return the text to print
     */
    static String printableAdminSecret(String secret) {
        if (AwsSimulator.DEFAULT_ADMIN_SECRET_ACCESS_KEY.equals(secret)) {
            return secret + "  (AWS's documented example pair)";
        }
        return Masking.mask(secret);
    }

    /** Waits for vpcd, reporting every few seconds, until connected or asked to stop. */
    private void awaitVpcd(Waiter waiter, String host, int port, CompletableFuture<Void> stop)
            throws InterruptedException {
        while (!stop.isDone() && !waiter.await(VPCD_STATUS_EVERY)) {
            err().println("waiting for vpcd at " + host + ":" + port + " (is pcscd with vsmartcard-vpcd running?)");
        }
    }

    @FunctionalInterface
    private interface Waiter {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private String vpcdHost() {
        int colon = vpcd.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--vpcd must be HOST:PORT such as 127.0.0.1:35963, not '" + vpcd + "'");
        }
        return vpcd.substring(0, colon);
    }

    private int vpcdPort() {
        try {
            int port = Integer.parseInt(vpcd.substring(vpcd.lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--vpcd must end with a port 1..65535, as in 127.0.0.1:35963, not '" + vpcd
                    + "'");
        }
    }

    private static String readerName(int port) {
        int slot = port - SimConstants.VPCD_DEFAULT_PORT;
        return slot >= 0 && slot <= MAX_VPCD_SLOT ? SimConstants.VPCD_READER_PREFIX + slot
                : "Virtual PCD (vpcd slot on port " + port + ")";
    }
}

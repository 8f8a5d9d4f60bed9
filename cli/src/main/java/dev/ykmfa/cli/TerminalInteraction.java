package dev.ykmfa.cli;

import dev.ykmfa.aws.UserInteraction;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The person at the keyboard: notices on stderr; secret prompts through {@link System#console()} when stdin and
 * stdout are a terminal, otherwise through {@code /dev/tty} (echo turned off with {@code stty}) — which is how
 * {@code credential-process} still reaches the user while its stdout is a pipe. When there is no terminal at all
 * (CI, services, the Java SDK's process provider without a controlling terminal) prompts return empty at once:
 * never a hang.
 */
public final class TerminalInteraction implements UserInteraction {
    private static final Path TTY = Paths.get("/dev/tty");
    private static final long STTY_TIMEOUT_SECONDS = 5;

    private final PrintStream notices;

    private TerminalInteraction(PrintStream notices) {
        this.notices = notices;
    }

    /**
     * @param notices where notices go (stderr)
     * @return the interaction
     */
    public static TerminalInteraction create(PrintStream notices) {
        return new TerminalInteraction(notices);
    }

    @Override
    public void notice(String message) {
        notices.println(message);
        notices.flush();
    }

    @Override
    public Optional<char[]> promptSecret(String prompt) {
        Console console = System.console();
        if (console != null) {
            return Optional.ofNullable(console.readPassword("%s", prompt));
        }
        if (!Files.isReadable(TTY) || !Files.isWritable(TTY)) {
            return Optional.empty();
        }
        try (FileOutputStream ttyOut = new FileOutputStream(TTY.toFile());
             FileInputStream ttyIn = new FileInputStream(TTY.toFile())) {
            if (!stty("-echo")) {
                return Optional.empty(); // never read a secret with echo on
            }
            ttyOut.write(prompt.getBytes(Charset.defaultCharset()));
            ttyOut.flush();
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(ttyIn, Charset.defaultCharset()));
                String line = reader.readLine();
                return line == null ? Optional.empty() : Optional.of(line.toCharArray());
            } finally {
                stty("echo");
                newline(ttyOut);
            }
        } catch (IOException e) {
            // No controlling terminal (ENXIO) or it went away: nobody can be asked.
            return Optional.empty();
        }
    }

    private static void newline(OutputStream out) throws IOException {
        out.write('\n');
        out.flush();
    }

    private static boolean stty(String setting) {
        try {
            Process p = new ProcessBuilder("stty", setting).redirectInput(TTY.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(STTY_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "TerminalInteraction";
    }
}

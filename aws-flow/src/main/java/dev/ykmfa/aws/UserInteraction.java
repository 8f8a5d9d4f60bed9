package dev.ykmfa.aws;

import java.io.Console;
import java.io.PrintStream;
import java.util.Optional;

/**
 * How the flow talks to the person at the keyboard: notices such as "Touch your YubiKey…" and secret prompts (the
 * OATH password). Never stdout — stdout belongs to the command's output (e.g. {@code credential_process} JSON).
 */
public interface UserInteraction {
    /**
     * Shows a short notice (e.g. the touch prompt). Must not block.
     *
     * @param message the text, without secrets
     */
    void notice(String message);

    /**
     * Asks for a secret without echo.
     *
     * @param prompt the prompt text
     * @return the secret, or empty when nobody can be asked (no terminal); the caller clears the array
     */
    Optional<char[]> promptSecret(String prompt);

    /**
     * The terminal: notices on stderr, prompts through {@link System#console()} (empty when there is none, e.g. when
     * stdin is a pipe as under the Java SDK's {@code ProcessCredentialsProvider}).
     *
     * @return the interaction
     */
    static UserInteraction terminal() {
        return terminal(System.err, System.console());
    }

    /**
     * Notices on {@code notices}, prompts through {@code console} when it is not null.
     *
     * @param notices where notices go
     * @param console the console, or null for non-interactive
     * @return the interaction
     */
    static UserInteraction terminal(PrintStream notices, Console console) {
        return new UserInteraction() {
            @Override
            public void notice(String message) {
                notices.println(message);
                notices.flush();
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                if (console == null) {
                    return Optional.empty();
                }
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public String toString() {
                return "UserInteraction.terminal";
            }
        };
    }

    /**
     * For {@code credential_process}: the AWS CLI and the Java SDK pipe the process's stdin, stdout and stderr (the
     * SDK shows stderr only after a failure), so notices go to the controlling terminal {@code /dev/tty} when one can
     * be opened, else to stderr; prompts use {@link System#console()} (usually absent there, so the OATH password
     * comes from {@code YKMFA_OATH_PASSWORD}).
     *
     * @return the interaction
     */
    static UserInteraction controllingTerminal() {
        java.io.File tty = new java.io.File("/dev/tty");
        PrintStream notices = System.err;
        if (tty.exists()) {
            try {
                notices = new PrintStream(new java.io.FileOutputStream(tty), true,
                        java.nio.charset.Charset.defaultCharset());
            } catch (java.io.IOException | SecurityException noTerminal) {
                notices = System.err;
            }
        }
        return terminal(notices, System.console());
    }

    /**
     * Shows nothing and can ask nothing (for services and tests).
     *
     * @return the interaction
     */
    static UserInteraction silent() {
        return new UserInteraction() {
            @Override
            public void notice(String message) {
                // deliberately silent
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "UserInteraction.silent";
            }
        };
    }
}

package dev.ykmfa.sim;

/**
 * A simulated key's saved state could not be read or written: the file is corrupt, of another format version,
 * contradicts the requested options, or the file system refused it. The message names the file and says how to fix
 * it; it never contains the state's content (it holds OATH secrets).
 */
public final class SimulatorStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file and the fix */
    public SimulatorStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file and the fix
     * @param cause the I/O error behind it
     */
    public SimulatorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}

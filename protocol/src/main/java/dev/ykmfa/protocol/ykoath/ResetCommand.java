package dev.ykmfa.protocol.ykoath;

/**
 * RESET ({@code spec/ykoath.md} §4.4): {@code 00 04 DE AD}. Wipes every credential and the password, and makes the
 * card pick a new salt (so the device id changes).
 */
public final class ResetCommand implements OathCommand {
    /** The command (stateless). */
    public static final ResetCommand INSTANCE = new ResetCommand();

    private ResetCommand() {
    }

    @Override
    public byte[] toApdu() {
        return Apdus.headerOnly(OathConstants.INS_RESET, OathConstants.P1_RESET, OathConstants.P2_RESET);
    }

    @Override
    public String name() {
        return "RESET";
    }
}

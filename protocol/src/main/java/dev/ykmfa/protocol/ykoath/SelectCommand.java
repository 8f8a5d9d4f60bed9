package dev.ykmfa.protocol.ykoath;

/**
 * SELECT of the OATH applet ({@code spec/ykoath.md} §1): {@code 00 A4 04 00 07 A0 00 00 05 27 21 01}. The answer is
 * parsed by {@link OathSelectInfo#parse(byte[])}.
 */
public final class SelectCommand implements OathCommand {
    /** The command (stateless). */
    public static final SelectCommand INSTANCE = new SelectCommand();

    private SelectCommand() {
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_SELECT, OathConstants.P1_SELECT_BY_AID, 0, OathConstants.aid());
    }

    @Override
    public String name() {
        return "SELECT";
    }
}

package dev.ykmfa.protocol.ykoath;

/** LIST ({@code spec/ykoath.md} §4.6): {@code 00 A1 00 00 00}; parsed by {@link ListResponse}. */
public final class ListCommand implements OathCommand {
    /** The command (stateless). */
    public static final ListCommand INSTANCE = new ListCommand();

    private ListCommand() {
    }

    @Override
    public byte[] toApdu() {
        return Apdus.expectingData(OathConstants.INS_LIST, 0, 0);
    }

    @Override
    public String name() {
        return "LIST";
    }
}

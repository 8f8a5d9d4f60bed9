package dev.ykmfa.protocol.ykoath;

/**
 * SEND REMAINING ({@code spec/ykoath.md} §4.10): {@code 00 A5 00 00 00}, the YKOATH way to fetch the next chunk
 * after {@code 61xx} (not ISO GET RESPONSE {@code C0}: pitfall 3).
 */
public final class SendRemainingCommand implements OathCommand {
    /** The command (stateless). */
    public static final SendRemainingCommand INSTANCE = new SendRemainingCommand();

    private SendRemainingCommand() {
    }

    @Override
    public byte[] toApdu() {
        return Apdus.expectingData(OathConstants.INS_SEND_REMAINING, 0, 0);
    }

    @Override
    public String name() {
        return "SEND REMAINING";
    }
}

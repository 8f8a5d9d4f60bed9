package dev.ykmfa.protocol.ykoath;

import java.util.List;
import java.util.Objects;

/**
 * CALCULATE ALL ({@code spec/ykoath.md} §4.9): {@code 00 A4 00 P2 <Lc> 74 08 <time step>}. Note P1 = 00: the INS is
 * SELECT's (pitfall 1). Parsed by {@link CalculateAllResponse}.
 */
public final class CalculateAllCommand implements OathCommand {
    private final byte[] challenge;
    private final boolean truncated;

    /**
     * @param challenge the challenge, normally the 30 s time step (copied)
     * @param truncated {@code true} for P2 = 01 (what ykman sends)
     */
    public CalculateAllCommand(byte[] challenge, boolean truncated) {
        this.challenge = Objects.requireNonNull(challenge, "challenge").clone();
        this.truncated = truncated;
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_CALCULATE_ALL, 0,
                truncated ? OathConstants.P2_TRUNCATED_RESPONSE : OathConstants.P2_FULL_RESPONSE,
                List.of(Tlv.of(OathConstants.TAG_CHALLENGE, challenge)));
    }

    @Override
    public String name() {
        return "CALCULATE ALL";
    }
}

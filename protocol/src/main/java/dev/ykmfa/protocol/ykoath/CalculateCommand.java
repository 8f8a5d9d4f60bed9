package dev.ykmfa.protocol.ykoath;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * CALCULATE one credential ({@code spec/ykoath.md} §4.7): data {@code 71 id} {@code 74 challenge}; P2 {@code 01}
 * asks for the truncated value, {@code 00} for the full HMAC. For TOTP the challenge is the 8-byte big-endian time
 * step; for HOTP the card ignores it and ykman sends it empty.
 */
public final class CalculateCommand implements OathCommand {
    private final CredentialId id;
    private final byte[] challenge;
    private final boolean truncated;

    /**
     * @param id the credential
     * @param challenge the challenge (0–64 bytes; copied)
     * @param truncated {@code true} for P2 = 01 (4-byte value), {@code false} for the full HMAC
     */
    public CalculateCommand(CredentialId id, byte[] challenge, boolean truncated) {
        this.id = Objects.requireNonNull(id, "id");
        this.challenge = Objects.requireNonNull(challenge, "challenge").clone();
        this.truncated = truncated;
    }

    /**
     * @param step a TOTP time step
     * @return the 8-byte big-endian challenge for it
     */
    public static byte[] timeStepChallenge(long step) {
        return ByteBuffer.allocate(OathConstants.CHALLENGE_LENGTH).putLong(step).array();
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_CALCULATE, 0,
                truncated ? OathConstants.P2_TRUNCATED_RESPONSE : OathConstants.P2_FULL_RESPONSE,
                List.of(Tlv.of(OathConstants.TAG_NAME, id.toBytes()), Tlv.of(OathConstants.TAG_CHALLENGE, challenge)));
    }

    @Override
    public String name() {
        return "CALCULATE";
    }
}

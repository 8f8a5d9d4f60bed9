package dev.ykmfa.protocol.ykoath;

import java.util.List;

/**
 * VALIDATE ({@code spec/ykoath.md} §4.8): {@code 75 14 <HMAC-SHA1(key, SELECT challenge)>}
 * {@code 74 08 <host challenge>}. The card answers with {@link ValidateResponse}.
 */
public final class ValidateCommand implements OathCommand {
    private final byte[] response;
    private final byte[] hostChallenge;

    /**
     * @param response HMAC-SHA1(access key, challenge from the latest SELECT) (copied)
     * @param hostChallenge the host's random challenge for the card (copied)
     */
    public ValidateCommand(byte[] response, byte[] hostChallenge) {
        this.response = response.clone();
        this.hostChallenge = hostChallenge.clone();
    }

    /**
     * @param accessKey the access key
     * @param selectChallenge the challenge from SELECT
     * @param hostChallenge the host's challenge
     * @return the command answering {@code selectChallenge}
     */
    public static ValidateCommand answering(byte[] accessKey, byte[] selectChallenge, byte[] hostChallenge) {
        return new ValidateCommand(OathPassword.response(accessKey, selectChallenge), hostChallenge);
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_VALIDATE, 0, 0, List.of(
                Tlv.of(OathConstants.TAG_RESPONSE, response), Tlv.of(OathConstants.TAG_CHALLENGE, hostChallenge)));
    }

    @Override
    public String name() {
        return "VALIDATE";
    }

    /** Hides the response. */
    @Override
    public String toString() {
        return "ValidateCommand";
    }
}

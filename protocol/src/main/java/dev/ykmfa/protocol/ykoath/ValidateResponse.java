package dev.ykmfa.protocol.ykoath;

/**
 * The card's answer to VALIDATE ({@code spec/ykoath.md} §4.8): {@code 75 14 <HMAC-SHA1(key, host challenge)>},
 * which the host must check with {@link OathPassword#verify}.
 */
public final class ValidateResponse {
    private ValidateResponse() {
    }

    /**
     * @param data the response data
     * @return the card's HMAC over the host challenge
     * @throws MalformedResponseException when tag {@code 75} is missing
     */
    public static byte[] parse(byte[] data) {
        return Responses.require(Responses.decode(data, "VALIDATE"), OathConstants.TAG_RESPONSE, "VALIDATE");
    }
}

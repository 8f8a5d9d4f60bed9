package dev.ykmfa.aws;

import java.time.Instant;

/**
 * Where MFA codes come from: normally the YubiKey ({@link YubiKeyMfaCodeSource}); in tests anything computing RFC
 * 6238 codes. Implementations announce a touch through their {@link UserInteraction} before blocking on it.
 */
@FunctionalInterface
public interface MfaCodeSource {
    /**
     * The 6-digit TOTP code of the device {@code serialNumber} for the 30-second step containing {@code time}.
     *
     * @param serialNumber the MFA device ARN
     * @param time         a moment of the wanted time step
     * @return the code, e.g. {@code "123456"}
     */
    String code(String serialNumber, Instant time);
}

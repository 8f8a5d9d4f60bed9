package dev.ykmfa.aws;

import dev.ykmfa.protocol.otp.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A code source computing RFC 6238 codes with protocol's {@link Totp}, counting reads. */
final class TotpCodes implements MfaCodeSource {
    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    final Totp totp = Totp.builder(SEED).build();
    final List<Instant> reads = new ArrayList<>();

    @Override
    public synchronized String code(String serialNumber, Instant time) {
        reads.add(time);
        return totp.generateString(time);
    }

    boolean isValidNow(String code, Instant now) {
        return totp.verify(code, now, 1).isPresent();
    }
}

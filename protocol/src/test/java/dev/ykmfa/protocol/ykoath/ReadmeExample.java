package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.transport.PcscTransport;
import java.time.Instant;

/** The usage example of the root README, verbatim between the markers; ReadmeExampleTest runs it. */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    // README-BEGIN
    /** Programs a virtual-MFA seed into the key's OATH applet and reads the code back. */
    public static Code programAndRead(ApduTransport transport, char[] password, String base32Seed, Instant now) {
        try (OathSession oath = OathSession.open(transport)) {
            if (oath.isLocked()) {
                oath.validate(password);
            }
            CredentialId id = CredentialId.totp("Amazon Web Services", "arn:aws:iam::123456789012:mfa/alice");
            oath.put(CredentialData.builder(id, Base32.decode(base32Seed)).build());
            return oath.calculate(id, now);
        }
    }

    /** The same code computed on the host, RFC 6238 (SHA-1, 6 digits, 30 s). */
    public static String hostCode(String base32Seed, Instant now) {
        return Totp.builder(Base32.decode(base32Seed)).build().generateString(now);
    }

    public static void main(String[] args) {
        Instant now = Instant.now();
        Code code = programAndRead(PcscTransport.open("Yubico YubiKey"), args[0].toCharArray(), args[1], now);
        System.out.println(code.value() + " (host: " + hostCode(args[1], now) + "), valid until " + code.validUntil());
    }
    // README-END
}

/**
 * ykmfa protocol: HOTP/TOTP (RFC 4226/6238), Base32 (RFC 4648), {@code otpauth://} URIs, the YKOATH
 * host client and a PC/SC transport. Depends on the JDK alone.
 */
module dev.ykmfa.protocol {
    requires transitive java.smartcardio;

    exports dev.ykmfa.protocol.otp;
    exports dev.ykmfa.protocol.transport;
    exports dev.ykmfa.protocol.ykoath;
}

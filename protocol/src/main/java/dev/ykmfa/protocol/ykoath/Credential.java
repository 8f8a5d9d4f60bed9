package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import java.util.Objects;

/**
 * One entry of a LIST response ({@code spec/ykoath.md} §4.6): id, type and hash algorithm. LIST says nothing about
 * touch or digits.
 */
public final class Credential {
    private final CredentialId id;
    private final HashAlgorithm algorithm;

    /**
     * @param id the id (its type is the credential's type)
     * @param algorithm the hash algorithm
     */
    public Credential(CredentialId id, HashAlgorithm algorithm) {
        this.id = Objects.requireNonNull(id, "id");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** @return the id */
    public CredentialId id() {
        return id;
    }

    /** @return HOTP or TOTP */
    public OathType type() {
        return id.type();
    }

    /** @return the hash algorithm */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential && ((Credential) o).id.equals(id) && ((Credential) o).algorithm == algorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, algorithm);
    }

    @Override
    public String toString() {
        return "Credential[" + id.formatted() + ", " + id.type() + ", " + algorithm + "]";
    }
}

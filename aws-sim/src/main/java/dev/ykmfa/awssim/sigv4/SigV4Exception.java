package dev.ykmfa.awssim.sigv4;

/** A malformed {@code Authorization} header (AWS answers {@code IncompleteSignature}). */
public final class SigV4Exception extends RuntimeException {
    SigV4Exception(String message) {
        super(message, null, false, false);
    }
}

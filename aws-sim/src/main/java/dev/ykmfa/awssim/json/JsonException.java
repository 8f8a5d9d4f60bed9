package dev.ykmfa.awssim.json;

/** Thrown when a text is not valid JSON; the message names the offset and what was expected. */
public final class JsonException extends RuntimeException {
    JsonException(String message) {
        super(message);
    }
}

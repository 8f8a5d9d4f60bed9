package dev.ykmfa.protocol.ykoath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ykmfa.protocol.transport.ApduTransport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/** A card played from a script: each expected command APDU is answered by a fixed response. */
final class ScriptedTransport implements ApduTransport {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Deque<String[]> script = new ArrayDeque<>();
    private int exchanges;
    private boolean closed;

    /** Expect {@code command} (hex, spaces ignored) and answer {@code response} (hex, SW included). */
    ScriptedTransport expect(String command, String response) {
        script.add(new String[] {Hex.clean(command), Hex.clean(response)});
        return this;
    }

    @Override
    public byte[] transmit(byte[] commandApdu) {
        exchanges++;
        String actual = HEX.formatHex(commandApdu);
        String[] next = script.poll();
        if (next == null) {
            fail("unexpected APDU #" + exchanges + " after the script ended: " + actual);
        }
        assertEquals(next[0], actual, "APDU #" + exchanges);
        return HEX.parseHex(next[1]);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    void assertFinished() {
        assertTrue(script.isEmpty(), () -> script.size() + " scripted APDU(s) were never sent, next: " + script.peek()[0]);
    }
}

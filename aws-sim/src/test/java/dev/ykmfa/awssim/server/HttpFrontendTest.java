package dev.ykmfa.awssim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpFrontendTest {
    @Test
    void printable_replacesControlCharactersAndDelete_withQuestionMarks() {
        assertEquals("GetUser??ERROR forged???", HttpFrontend.printable("GetUser\r\nERROR forged\t\u0000\u007f"));
    }

    @Test
    void printable_keepsOrdinaryAndNonAsciiText() {
        assertEquals("AssumeRole Ünïcode ~", HttpFrontend.printable("AssumeRole Ünïcode ~"));
    }

    @Test
    void printable_ofNull_isTheWordNull() {
        assertEquals("null", HttpFrontend.printable(null));
    }
}

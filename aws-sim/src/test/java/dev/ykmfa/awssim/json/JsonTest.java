package dev.ykmfa.awssim.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parse_objectsArraysLiteralsNumbersAndEscapes() {
        Object v = Json.parse(" {\"a\": [true, false, null, -1.5e2, \"x\\u0041\\n\\\"\"], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(Boolean.TRUE, a.get(0));
        assertEquals(Boolean.FALSE, a.get(1));
        assertEquals(Json.NULL, a.get(2));
        assertEquals(0, new BigDecimal("-150").compareTo((BigDecimal) a.get(3)));
        assertEquals("xA\n\"", a.get(4));
        assertTrue(((Map<?, ?>) m.get("b")).isEmpty());
    }

    @Test
    void parse_refusesTruncatedTrailingAndMalformedInput_namingTheOffset() {
        for (String bad : new String[] {"{", "{\"a\":1", "[1,]", "{\"a\" 1}", "01", "\"x", "{} x", "tru", "[1 2]"}) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
        }
    }

    @Test
    void write_thenParse_roundTrips() {
        Map<String, Object> m = Map.of("k", List.of("a\"b", true, Json.NULL, new BigDecimal("12")));
        assertEquals(m.toString(), Json.parse(Json.write(m)).toString());
    }
}

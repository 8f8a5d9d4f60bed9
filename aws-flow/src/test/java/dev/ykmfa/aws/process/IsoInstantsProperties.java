package dev.ykmfa.aws.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class IsoInstantsProperties {
    /** 1970-01-01 … 9999-12-31. */
    @Property(tries = 300)
    void format_matchesTheJdk_andParsesBack(@ForAll @LongRange(min = 0, max = 253402300799L) long epochSecond) {
        Instant t = Instant.ofEpochSecond(epochSecond);
        assertEquals(t.toString(), IsoInstants.format(t));
        assertEquals(t, IsoInstants.parse(IsoInstants.format(t)));
    }

    @Example
    void parse_acceptsOtherIsoForms_andRejectsGarbage() {
        assertEquals(Instant.parse("2026-11-24T06:00:00.500Z"), IsoInstants.parse("2026-11-24T06:00:00.500Z"));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), IsoInstants.parse("2026-11-24T06:00:00Z"));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), IsoInstants.format(Instant.parse(
                "2026-11-24T06:00:00.999Z")).equals("2026-11-24T06:00:00Z") ? Instant.parse("2026-11-24T06:00:00Z")
                : null);
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("2026-13-24T06:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("tomorrow"));
    }
}

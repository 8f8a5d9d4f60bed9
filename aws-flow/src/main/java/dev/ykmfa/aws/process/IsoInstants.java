package dev.ykmfa.aws.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 UTC timestamps with second precision ({@code 2019-11-09T13:34:41Z}) written and read without
 * {@code java.time.format} (whose formatter machinery costs a few milliseconds of class loading on the
 * {@code credential_process} cache-hit path). Other ISO forms are read with {@link Instant#parse}.
 */
final class IsoInstants {
    private static final int DATE_TIME_LENGTH = "2019-11-09T13:34:41Z".length();
    private static final int[] FIELD_STARTS = {0, 5, 8, 11, 14, 17};
    private static final int[] FIELD_LENGTHS = {4, 2, 2, 2, 2, 2};
    private static final String SEPARATORS = "--T::Z";
    private static final int[] SEPARATOR_POSITIONS = {4, 7, 10, 13, 16, 19};
    private static final int TWO_DIGITS = 10;

    private IsoInstants() {
    }

    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(DATE_TIME_LENGTH);
        b.append(t.getYear()).append('-');
        pad(b, t.getMonthValue()).append('-');
        pad(b, t.getDayOfMonth()).append('T');
        pad(b, t.getHour()).append(':');
        pad(b, t.getMinute()).append(':');
        pad(b, t.getSecond()).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value) {
        if (value < TWO_DIGITS) {
            b.append('0');
        }
        return b.append(value);
    }

    static Instant parse(String text) {
        if (text.length() == DATE_TIME_LENGTH && hasSeparators(text)) {
            int[] fields = new int[FIELD_STARTS.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = digits(text, FIELD_STARTS[i], FIELD_LENGTHS[i]);
                if (fields[i] < 0) {
                    return Instant.parse(text);
                }
            }
            try {
                return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
                        .toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new DateTimeParseException("not a valid date-time", text, 0, e);
            }
        }
        return Instant.parse(text);
    }

    private static boolean hasSeparators(String text) {
        for (int i = 0; i < SEPARATOR_POSITIONS.length; i++) {
            if (text.charAt(SEPARATOR_POSITIONS[i]) != SEPARATORS.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * TWO_DIGITS + (c - '0');
        }
        return value;
    }
}

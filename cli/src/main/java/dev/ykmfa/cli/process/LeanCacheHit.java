package dev.ykmfa.cli.process;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest possible read of a {@code credential_process} cache entry, for the start-up fast path: the same file
 * (named by aws-flow's {@code CredentialCacheKey.fileStem()}) and the same freshness rule as aws-flow's
 * {@code CredentialProcessCache} (served while it expires more than 5 minutes from now), with core JDK classes only —
 * no JSON reader, no java.time formatter, no NIO channels — because every class loaded here costs start-up time on
 * each AWS CLI command. The entry is the {@code credential_process} document itself, so a hit prints
 * its bytes unchanged. Anything unexpected is a miss and leaves the call to the full command (which validates
 * properly); tests pin the equivalence with aws-flow's cache.
 */
public final class LeanCacheHit {
    /** Same as {@code CredentialProcessCache.DEFAULT_REFRESH_WINDOW} (5 minutes), in seconds. */
    static final long REFRESH_WINDOW_SECONDS = 300;
    private static final int MAX_ENTRY_BYTES = 64 * 1024;
    private static final String EXPIRATION_MEMBER = "\"Expiration\": \"";
    private static final String VERSION_MEMBER = "{\"Version\": 1,";
    /** {@code yyyy-mm-ddThh:mm:ssZ}. */
    private static final int ISO_SECONDS_LENGTH = 20;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAYS_0000_TO_1970 = 719_468;

    private LeanCacheHit() {
    }

    /**
     * Prints the entry when it is fresh.
     *
     * @param directory the cache directory
     * @param fileStem the entry's name, {@code CredentialCacheKey.fileStem()}
     * @param nowEpochSecond the current time
     * @param out stdout
     * @return true when served
     */
    static boolean serve(String directory, String fileStem, long nowEpochSecond, PrintStream out) {
        byte[] bytes = read(new File(directory, fileStem + ".json"));
        if (bytes == null) {
            return false;
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        long expires = expiration(json);
        if (!json.startsWith(VERSION_MEMBER) || expires == Long.MIN_VALUE
                || expires - REFRESH_WINDOW_SECONDS <= nowEpochSecond) {
            return false;
        }
        out.println(json);
        out.flush();
        return true;
    }

    private static byte[] read(File file) {
        if (!file.isFile() || file.length() > MAX_ENTRY_BYTES) {
            return null;
        }
        try (FileInputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the epoch second of {@code "Expiration": "yyyy-mm-ddThh:mm:ssZ"}, or Long.MIN_VALUE */
    static long expiration(String json) {
        int at = json.indexOf(EXPIRATION_MEMBER);
        if (at < 0 || at + EXPIRATION_MEMBER.length() + ISO_SECONDS_LENGTH > json.length()) {
            return Long.MIN_VALUE;
        }
        String t = json.substring(at + EXPIRATION_MEMBER.length(), at + EXPIRATION_MEMBER.length()
                + ISO_SECONDS_LENGTH);
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        long year = digits(t, 0, 4);
        long month = digits(t, 5, 7);
        long day = digits(t, 8, 10);
        long hour = digits(t, 11, 13);
        long minute = digits(t, 14, 16);
        long second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        return epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    }

    private static long digits(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (civil-from-days inverse, March-based years). */
    static long epochDay(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long monthFromMarch = (month + 9) % 12;
        long dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - DAYS_0000_TO_1970;
    }

}

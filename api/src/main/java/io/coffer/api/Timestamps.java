package io.coffer.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as Vault prints them: Go's RFC 3339 "nano" layout in UTC, trailing zeros of the fraction dropped
 * ({@code 2024-05-01T12:30:00.1Z}, {@code 2024-05-01T12:30:00Z}); an unset time is {@code ""}. Pure.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant time) {
        if (time == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(SECONDS.format(time));
        int nanos = time.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.append('Z').toString();
    }

    /** Inverse of {@link #format}; {@code ""} or null is null. */
    public static Instant parse(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}

package studio.booking.api.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How values look on the wire (API.md, Conventions). */
public final class Wire {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Wire() {
    }

    /** UTC with seconds: {@code 2026-02-05T19:00:00Z}. */
    public static String instant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code HH:mm}. */
    public static String time(LocalTime time) {
        return time == null ? null : TIME.format(time);
    }
}

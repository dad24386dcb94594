package studio.booking.messages.availability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A weekly teaching window (A1), in the instructor's local time.
 *
 * @param dayOfWeek       0–6, 0 = Sunday (the seed's convention, not java.time's)
 * @param effectiveFrom   first date it applies (inclusive)
 * @param effectiveUntil  last date it applies (inclusive), or null: indefinitely
 */
public record WeeklyWindow(UUID windowId, int dayOfWeek, LocalTime startTime, LocalTime endTime,
                           int slotDurationMinutes, LocalDate effectiveFrom, LocalDate effectiveUntil) {

    public static final int DEFAULT_SLOT_DURATION_MINUTES = 60;
    public static final int MIN_SLOT_DURATION_MINUTES = 15;
    public static final int MAX_SLOT_DURATION_MINUTES = 240;

    /** Whether the window applies on this date (matching day of week, inside the effective range). */
    public boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 == dayOfWeek
                && !date.isBefore(effectiveFrom)
                && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }
}

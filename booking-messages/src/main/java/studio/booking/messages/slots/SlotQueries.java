package studio.booking.messages.slots;

import studio.booking.messages.common.Actor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries answered from the availability projection and confirmed bookings. */
public final class SlotQueries {

    private SlotQueries() {
    }

    /** → {@link SlotList}: slots still offered, start dates in {@code [start, end]} in the instructor's zone. */
    public record GetAvailableSlots(UUID instructorId, LocalDate start, LocalDate end, Integer durationMinutes) {
    }

    public record SlotList(List<Slot> slots) {
    }

    /** → {@link CalendarMonth}: one instructor's month in their zone, bookings the viewer may see. */
    public record GetCalendarMonth(Actor viewer, UUID instructorId, YearMonth month, Integer durationMinutes) {
    }

    /** → {@link CalendarMonth} with no instructor: every instructor at once, dates in the studio's zone (staff). */
    public record GetStudioCalendarMonth(Actor viewer, YearMonth month) {
    }

    public record InstructorSummary(UUID id, String displayName, String avatarUrl, String timeZone) {
    }

    public record CalendarBooking(UUID id, studio.booking.messages.booking.BookingStatus status, Instant startTime,
                                  Instant endTime, UUID instructorId, String instructorName, UUID memberId,
                                  String memberName, boolean unread) {
    }

    /** @param availableSlots slots still offered on that date (future ones) */
    public record CalendarDay(LocalDate date, int availableSlots, List<CalendarBooking> bookings) {
    }

    /** @param instructor null for the studio-wide month */
    public record CalendarMonth(InstructorSummary instructor, String timeZone, List<CalendarDay> days) {
    }
}

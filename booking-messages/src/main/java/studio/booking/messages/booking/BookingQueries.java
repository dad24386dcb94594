package studio.booking.messages.booking;

import studio.booking.messages.common.Actor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Queries on the bookings projection. Visibility (B8) is applied for the {@code viewer}. */
public final class BookingQueries {

    private BookingQueries() {
    }

    /**
     * → {@link BookingList} sorted by start time. Null filters match everything; {@code start}/{@code end}
     * are inclusive dates of the start time in the instructor's zone (the studio's without an
     * instructor); an empty status set matches every status. Members get only their own bookings.
     */
    public record FindBookings(Actor viewer, UUID instructorId, UUID memberId, LocalDate start, LocalDate end,
                               Set<BookingStatus> statuses) {
    }

    /** → {@code Optional<BookingView>}: empty when there is no such booking or the viewer may not see it. */
    public record FindBooking(Actor viewer, UUID bookingId) {
    }

    public record BookingList(List<BookingView> bookings) {
    }
}

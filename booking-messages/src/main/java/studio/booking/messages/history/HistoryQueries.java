package studio.booking.messages.history;

import studio.booking.messages.common.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** R2: a booking's history, read from the event store. */
public final class HistoryQueries {

    private HistoryQueries() {
    }

    /** → {@code Optional<BookingHistory>}: empty when there is no such booking or the viewer may not see it (B8). */
    public record FindBookingHistory(Actor viewer, UUID bookingId) {
    }

    /** Every event of the booking, oldest first. */
    public record BookingHistory(UUID bookingId, List<HistoryEntry> events) {
    }

    /**
     * One event of a booking.
     *
     * @param sequence   the event's sequence number in the booking's stream (0 = the request)
     * @param type       a stable snake_case name such as {@code booking_declined}
     * @param actorId    who acted; null when the system did (a deadline: expiry, auto-complete)
     * @param actorName  their display name when they acted, or {@link #SYSTEM} when the system did
     * @param details    the event's meaningful fields under snake_case keys, ready for JSON: values are
     *                   strings (ids, instants in UTC with seconds, enum values in lower case), booleans
     *                   or null
     */
    public record HistoryEntry(long sequence, String type, Instant occurredAt, UUID actorId, String actorName,
                               Map<String, Object> details) {

        /** The actor name of what deadlines do. */
        public static final String SYSTEM = "System";
    }
}

package studio.booking.query.history;

import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.ThreadRead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How each event of a booking's stream reads in its history: a stable snake_case type (not the Java
 * class name, so renaming a class changes nothing on the wire) and the fields that say what happened
 * and why. Ids the booking already shows (its own, its instructor's and member's after the request)
 * and internal metadata (deadline ids) are left out.
 */
final class HistoryEvents {

    /** The type and details of one event. */
    record Described(String type, Map<String, Object> details) {
    }

    private HistoryEvents() {
    }

    static Described describe(Object payload) {
        if (payload instanceof BookingRequested e) {
            return new Described("booking_requested", details(
                    "instructor_id", e.instructorId(), "member_id", e.memberId(), "start_time", e.startTime(),
                    "end_time", e.endTime(), "notes", e.notes(), "expires_at", e.expiresAt()));
        }
        if (payload instanceof BookingConfirmed e) {
            return new Described("booking_confirmed", details("start_time", e.startTime(), "end_time", e.endTime()));
        }
        if (payload instanceof BookingDeclined e) {
            return new Described("booking_declined", details(
                    "cause", e.cause(), "reason", e.reason(), "caused_by", e.causedBy()));
        }
        if (payload instanceof BookingExpired) {
            return new Described("booking_expired", details());
        }
        if (payload instanceof BookingCancelled e) {
            return new Described("booking_cancelled", details(
                    "status", e.status().wire(), "cancelled_by", e.cancelledBy(), "reason", e.reason(),
                    "was_confirmed", e.wasConfirmed()));
        }
        if (payload instanceof BookingCompleted e) {
            return new Described("booking_completed", details("automatic", e.automatic()));
        }
        if (payload instanceof BookingMarkedNoShow) {
            return new Described("booking_marked_no_show", details());
        }
        if (payload instanceof MessagePosted e) {
            return new Described("message_posted", details(
                    "message_id", e.messageId(), "sender_id", e.senderId(), "content", e.content()));
        }
        if (payload instanceof ThreadRead e) {
            return new Described("thread_read", details("reader_id", e.readerId(), "read_up_to", e.readUpTo()));
        }
        // an event added to the booking's stream later and not described here yet: at least it shows
        return new Described(snakeCase(payload.getClass().getSimpleName()), details());
    }

    /** Key/value pairs in order; values as JSON wants them: ids and instants (UTC, seconds) as text, enums in lower case. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put((String) pairs[i], json(pairs[i + 1]));
        }
        return Collections.unmodifiableMap(details);
    }

    private static Object json(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (value instanceof UUID id) {
            return id.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

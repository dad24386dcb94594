package studio.booking.query.booking;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.query.replay.ProjectionTables;
import studio.booking.query.support.Sql;

import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code private_lesson_bookings} table. Written in the command's transaction (subscribing
 * processor, propagating errors): its exclusion constraint on confirmed bookings is the second
 * line of defence against double booking, so SQL failures are never caught here. Every value
 * comes from the events and their timestamps (R3).
 */
@Component
@ProcessingGroup(BookingsProjection.PROCESSING_GROUP)
@ProjectionTables("private_lesson_bookings")
public class BookingsProjection {

    public static final String PROCESSING_GROUP = "bookings-projection";

    private static final Logger log = LoggerFactory.getLogger(BookingsProjection.class);

    private final JdbcClient jdbc;

    public BookingsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(BookingRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO private_lesson_bookings (id, instructor_id, member_id, start_time, end_time, status,
                               notes, created_at, updated_at)
                        VALUES (:id, :instructorId, :memberId, :start, :end, 'pending', :notes, :at, :at)
                        """)
                .param("id", event.bookingId())
                .param("instructorId", event.instructorId())
                .param("memberId", event.memberId())
                .param("start", Sql.ts(event.startTime()))
                .param("end", Sql.ts(event.endTime()))
                .param("notes", event.notes(), Types.VARCHAR)
                .param("at", Sql.ts(at))
                .update();
    }

    @EventHandler
    public void on(BookingConfirmed event, @Timestamp Instant at) {
        setStatus(event.bookingId(), BookingStatus.CONFIRMED, at);
    }

    @EventHandler
    public void on(BookingDeclined event, @Timestamp Instant at) {
        int rows = jdbc.sql("""
                        UPDATE private_lesson_bookings
                           SET status = 'declined', cancellation_reason = :reason, updated_at = :at
                         WHERE id = :id
                        """)
                .param("id", event.bookingId())
                .param("reason", event.reason(), Types.VARCHAR)
                .param("at", Sql.ts(at))
                .update();
        warnIfMissing(rows, event.bookingId(), "BookingDeclined");
    }

    @EventHandler
    public void on(BookingExpired event, @Timestamp Instant at) {
        setStatus(event.bookingId(), BookingStatus.EXPIRED, at);
    }

    @EventHandler
    public void on(BookingCancelled event, @Timestamp Instant at) {
        int rows = jdbc.sql("""
                        UPDATE private_lesson_bookings
                           SET status = CAST(:status AS booking_status), cancelled_at = :at, cancelled_by = :by,
                               cancellation_reason = :reason, updated_at = :at
                         WHERE id = :id
                        """)
                .param("id", event.bookingId())
                .param("status", event.status().wire())
                .param("by", event.cancelledBy(), Types.OTHER)
                .param("reason", event.reason(), Types.VARCHAR)
                .param("at", Sql.ts(at))
                .update();
        warnIfMissing(rows, event.bookingId(), "BookingCancelled");
    }

    @EventHandler
    public void on(BookingCompleted event, @Timestamp Instant at) {
        setStatus(event.bookingId(), BookingStatus.COMPLETED, at);
    }

    @EventHandler
    public void on(BookingMarkedNoShow event, @Timestamp Instant at) {
        setStatus(event.bookingId(), BookingStatus.NO_SHOW, at);
    }

    /** Replay starts from an empty table. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE private_lesson_bookings").update();
    }

    private void setStatus(UUID bookingId, BookingStatus status, Instant at) {
        int rows = jdbc.sql("""
                        UPDATE private_lesson_bookings SET status = CAST(:status AS booking_status), updated_at = :at
                         WHERE id = :id
                        """)
                .param("id", bookingId)
                .param("status", status.wire())
                .param("at", Sql.ts(at))
                .update();
        warnIfMissing(rows, bookingId, status.wire());
    }

    private static void warnIfMissing(int rows, UUID bookingId, String what) {
        if (rows == 0) {
            log.warn("{} for booking {} that the projection does not hold", what, bookingId);
        }
    }
}

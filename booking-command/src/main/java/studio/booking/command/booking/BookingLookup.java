package studio.booking.command.booking;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
import studio.booking.messages.slots.Slot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code cmd_bookings}: what no single aggregate knows — a booking's instructor, a member's pending
 * requests (B1), an instructor's pending and confirmed bookings (B2, A3). Written in the command's
 * transaction by a subscribing processor; read under the instructor's advisory lock.
 */
@Component
@ProcessingGroup("command-lookups")
public class BookingLookup {

    private static final String COLUMNS = "booking_id, instructor_id, member_id, start_time, end_time, status";

    private final JdbcClient jdbc;

    public BookingLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> instructorOf(UUID bookingId) {
        return jdbc.sql("SELECT instructor_id FROM cmd_bookings WHERE booking_id = ?").param(bookingId)
                .query(UUID.class).optional();
    }

    /** B1: the same member's pending request for the same interval (a double click). */
    public Optional<UUID> identicalPending(UUID memberId, UUID instructorId, Slot slot) {
        return jdbc.sql("""
                        SELECT booking_id FROM cmd_bookings
                        WHERE member_id = ? AND instructor_id = ? AND start_time = ? AND end_time = ? AND status = 'pending'
                        LIMIT 1""")
                .params(memberId, instructorId, ts(slot.start()), ts(slot.end())).query(UUID.class).optional();
    }

    public int pendingCount(UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM cmd_bookings WHERE member_id = ? AND status = 'pending'")
                .param(memberId).query(Integer.class).single();
    }

    /** Bookings of the instructor with this status that overlap the interval. */
    public List<BookingRef> overlapping(UUID instructorId, BookingStatus status, Slot slot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cmd_bookings"
                        + " WHERE instructor_id = ? AND status = ? AND start_time < ? AND end_time > ?"
                        + " ORDER BY start_time, booking_id")
                .params(instructorId, status.wire(), ts(slot.end()), ts(slot.start()))
                .query(BookingLookup::row).list();
    }

    /** A3: the instructor's pending and confirmed bookings that start after {@code now}. */
    public List<BookingRef> upcoming(UUID instructorId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cmd_bookings"
                        + " WHERE instructor_id = ? AND status IN ('pending', 'confirmed') AND start_time > ?"
                        + " ORDER BY start_time, booking_id")
                .params(instructorId, ts(now)).query(BookingLookup::row).list();
    }

    private static BookingRef row(ResultSet rs, int n) throws SQLException {
        return new BookingRef(rs.getObject("booking_id", UUID.class), rs.getObject("instructor_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                new Slot(rs.getTimestamp("start_time").toInstant(), rs.getTimestamp("end_time").toInstant()),
                BookingStatus.fromWire(rs.getString("status")));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    @EventHandler
    void on(BookingRequested e) {
        jdbc.sql("INSERT INTO cmd_bookings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 'pending')")
                .params(e.bookingId(), e.instructorId(), e.memberId(), ts(e.startTime()), ts(e.endTime())).update();
    }

    @EventHandler
    void on(BookingConfirmed e) {
        status(e.bookingId(), BookingStatus.CONFIRMED);
    }

    @EventHandler
    void on(BookingDeclined e) {
        status(e.bookingId(), BookingStatus.DECLINED);
    }

    @EventHandler
    void on(BookingExpired e) {
        status(e.bookingId(), BookingStatus.EXPIRED);
    }

    @EventHandler
    void on(BookingCancelled e) {
        status(e.bookingId(), e.status());
    }

    @EventHandler
    void on(BookingCompleted e) {
        status(e.bookingId(), BookingStatus.COMPLETED);
    }

    @EventHandler
    void on(BookingMarkedNoShow e) {
        status(e.bookingId(), BookingStatus.NO_SHOW);
    }

    private void status(UUID bookingId, BookingStatus status) {
        jdbc.sql("UPDATE cmd_bookings SET status = ? WHERE booking_id = ?").params(status.wire(), bookingId).update();
    }
}

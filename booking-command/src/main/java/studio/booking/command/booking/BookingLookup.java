package studio.booking.command.booking;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.command.member.MemberRecord;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.Slot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

    /**
     * B1: the facts of a lesson request in one round trip — the requester, the member booked for
     * on their behalf and the instructor (from {@code cmd_members}); the member's identical pending
     * request (a double click) and pending count; whether a confirmed booking of the instructor
     * overlaps the interval. Read after the request's locks, so it sees what they waited for.
     *
     * @param memberId   the member the lesson is for (whose requests the caller has locked)
     * @param onBehalfOf the {@code member_id} of the request, or null
     */
    public RequestFacts requestFacts(UUID requesterId, UUID onBehalfOf, UUID instructorId, UUID memberId,
                                     Instant start, Instant end) {
        List<FactsRow> rows = jdbc.sql("""
                        SELECT who.kind, m.member_id, m.email, m.role, m.active, m.time_zone,
                               facts.identical, facts.confirmed_overlap, facts.pending
                        FROM (VALUES ('requester', CAST(:requester AS uuid)), ('member', CAST(:onBehalfOf AS uuid)),
                                     ('instructor', CAST(:instructor AS uuid)))
                             AS who (kind, id)
                        LEFT JOIN cmd_members m ON m.member_id = who.id
                        CROSS JOIN (SELECT
                            (SELECT booking_id FROM cmd_bookings
                             WHERE member_id = :member AND instructor_id = :instructor
                               AND start_time = :start AND end_time = :end AND status = 'pending'
                             LIMIT 1) AS identical,
                            EXISTS (SELECT 1 FROM cmd_bookings
                                    WHERE instructor_id = :instructor AND status = 'confirmed'
                                      AND start_time < :end AND end_time > :start) AS confirmed_overlap,
                            (SELECT count(*) FROM cmd_bookings
                             WHERE member_id = :member AND status = 'pending') AS pending) AS facts""")
                .param("requester", uuid(requesterId)).param("onBehalfOf", uuid(onBehalfOf))
                .param("instructor", uuid(instructorId)).param("member", uuid(memberId))
                .param("start", timestamp(start)).param("end", timestamp(end))
                .query((rs, n) -> new FactsRow(rs.getString("kind"), rs.getObject("member_id") == null ? null
                        : new MemberRecord(rs.getObject("member_id", UUID.class), rs.getString("email"),
                                Role.fromWire(rs.getString("role")), rs.getBoolean("active"), rs.getString("time_zone")),
                        rs.getObject("identical", UUID.class), rs.getBoolean("confirmed_overlap"), rs.getInt("pending")))
                .list();
        FactsRow facts = rows.get(0); // one row per person asked about, each with the same facts
        return new RequestFacts(member(rows, "requester"), member(rows, "member"), member(rows, "instructor"),
                Optional.ofNullable(facts.identical()), facts.confirmedOverlap(), facts.pending());
    }

    private record FactsRow(String kind, MemberRecord member, UUID identical, boolean confirmedOverlap, int pending) {
    }

    private static Optional<MemberRecord> member(List<FactsRow> rows, String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).findFirst().map(FactsRow::member);
    }

    /** Typed, so that a null needs no round trip to ask Postgres for the parameter's type. */
    private static SqlParameterValue uuid(UUID id) {
        return new SqlParameterValue(Types.OTHER, id);
    }

    private static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP, instant == null ? null : ts(instant));
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

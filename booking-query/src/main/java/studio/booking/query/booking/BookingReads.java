package studio.booking.query.booking;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.common.Actor;
import studio.booking.messages.slots.Slot;
import studio.booking.query.support.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of the bookings table with B8 applied: staff (instructor, owner) see every booking, anyone
 * else only their own. Names come from a join with the members table, the viewer's unread flag (M2)
 * from one with the read markers of the threads projection. One query per call.
 */
@Component
public class BookingReads {

    /**
     * A busy interval ({@code busy}, a tstzrange) as two numbers of epoch seconds: a busy month is
     * many rows, and a timestamp read as a date-time object costs half a dozen objects (docs/BENCHMARKS.md).
     * {@code date_part} answers a float8; {@code extract}'s exact numeric costs Postgres twice the
     * time of the whole query. {@link #epoch} makes it exact again.
     */
    private static final String INTERVAL_EPOCHS = """
            date_part('epoch', lower(busy)) AS start_epoch, date_part('epoch', upper(busy)) AS end_epoch
            """;

    /**
     * {@code unread} is the viewer's (M2, from the threads projection): only participants have read
     * markers, so it is false for everyone else. Needs the parameter {@code :viewer}.
     */
    private static final String SELECT_VIEW = """
            SELECT b.id, b.instructor_id, i.display_name AS instructor_name, b.member_id,
                   m.display_name AS member_name, b.start_time, b.end_time, b.status::text AS status, b.notes,
                   b.cancelled_at, b.cancelled_by, b.cancellation_reason, b.created_at, b.updated_at,
                   r.unread_message_id IS NOT NULL AS unread
              FROM private_lesson_bookings b
              LEFT JOIN members i ON i.id = b.instructor_id
              LEFT JOIN members m ON m.id = b.member_id
              LEFT JOIN booking_message_reads r ON r.booking_id = b.id AND r.member_id = :viewer
            """;

    private static final RowMapper<BookingView> VIEW = (rs, n) -> new BookingView(Sql.uuid(rs, "id"),
            Sql.uuid(rs, "instructor_id"), rs.getString("instructor_name"), Sql.uuid(rs, "member_id"),
            rs.getString("member_name"), Sql.instant(rs, "start_time"), Sql.instant(rs, "end_time"),
            BookingStatus.fromWire(rs.getString("status")), rs.getString("notes"), Sql.instant(rs, "cancelled_at"),
            Sql.uuid(rs, "cancelled_by"), rs.getString("cancellation_reason"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"), rs.getBoolean("unread"));

    private final JdbcClient jdbc;

    public BookingReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** B8: instructors and the owner see every booking. */
    public static boolean seesAll(Actor viewer) {
        return viewer != null && viewer.role().isStaff();
    }

    /** B8 for one booking. */
    public static boolean maySee(Actor viewer, BookingView booking) {
        return seesAll(viewer) || (viewer != null && viewer.id().equals(booking.memberId()));
    }

    /** The booking, whoever may see it, with {@code unread} as {@code viewerId} has it (null: false). */
    public Optional<BookingView> find(UUID bookingId, UUID viewerId) {
        return jdbc.sql(SELECT_VIEW + " WHERE b.id = :id")
                .param("id", bookingId)
                .param("viewer", viewerId, Types.OTHER)
                .query(VIEW)
                .optional();
    }

    /**
     * Bookings the viewer may see, matching every non-null filter, with a start time in
     * {@code [from, until)}, sorted by start time.
     *
     * @param instructorIds null: any instructor
     * @param statuses      null or empty: any status
     */
    public List<BookingView> find(Actor viewer, Collection<UUID> instructorIds, UUID memberId, Instant from,
                                  Instant until, Set<BookingStatus> statuses) {
        if (viewer == null) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer.id());
        if (!seesAll(viewer)) {
            sql.append(" AND b.member_id = :viewer");
        }
        if (instructorIds != null) {
            if (instructorIds.isEmpty()) {
                return List.of();
            }
            if (instructorIds.size() == 1) {
                sql.append(" AND b.instructor_id = :instructor");
                params.put("instructor", instructorIds.iterator().next());
            } else {
                sql.append(" AND b.instructor_id = ANY(:instructors)");
                params.put("instructors", instructorIds.toArray(UUID[]::new));
            }
        }
        if (memberId != null) {
            sql.append(" AND b.member_id = :member");
            params.put("member", memberId);
        }
        if (from != null) {
            sql.append(" AND b.start_time >= :from");
            params.put("from", Sql.ts(from));
        }
        if (until != null) {
            sql.append(" AND b.start_time < :until");
            params.put("until", Sql.ts(until));
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND b.status = ANY(CAST(:statuses AS booking_status[]))");
            params.put("statuses", statuses.stream().map(BookingStatus::wire).toArray(String[]::new));
        }
        sql.append(" ORDER BY b.start_time, b.id");
        return jdbc.sql(sql.toString()).params(params).query(VIEW).list();
    }

    /**
     * The time the instructor's confirmed bookings that overlap {@code [from, until)} take, as disjoint
     * intervals: back-to-back lessons come back as one ({@code range_agg}), so a fully booked day is
     * one row instead of dozens (docs/BENCHMARKS.md). One query on the exclusion constraint's GIST index.
     */
    public List<Slot> confirmedIntervals(UUID instructorId, Instant from, Instant until) {
        return jdbc.sql("SELECT " + INTERVAL_EPOCHS + """
                         FROM (SELECT unnest(range_agg(tstzrange(start_time, end_time))) AS busy
                                 FROM private_lesson_bookings
                                WHERE instructor_id = :id AND status = 'confirmed'
                                  AND tstzrange(start_time, end_time) && tstzrange(:from, :until)) merged
                        """)
                .param("id", instructorId)
                .param("from", Sql.ts(from))
                .param("until", Sql.ts(until))
                .query((rs, n) -> interval(rs))
                .list();
    }

    private static Slot interval(ResultSet rs) throws SQLException {
        return new Slot(epoch(rs.getDouble("start_epoch")), epoch(rs.getDouble("end_epoch")));
    }

    /**
     * A stored timestamp (whole microseconds) from its epoch seconds as a float8: until 2106 the float
     * is within half a microsecond of it (the last bit of a double near 2^32 s is 0.95 µs), so rounding
     * the fraction to microseconds gives it back exactly.
     */
    static Instant epoch(double seconds) {
        double whole = Math.floor(seconds);
        return Instant.ofEpochSecond((long) whole, Math.round((seconds - whole) * 1_000_000) * 1_000);
    }

    /** As {@link #confirmedIntervals(UUID, Instant, Instant)} for several instructors at once. */
    public Map<UUID, List<Slot>> confirmedIntervals(Collection<UUID> instructorIds, Instant from, Instant until) {
        Map<UUID, List<Slot>> result = new HashMap<>();
        if (instructorIds.isEmpty()) {
            return result;
        }
        if (instructorIds.size() == 1) {
            // '= ANY(array)' is no GIST index condition: one instructor takes the exact-match form
            UUID id = instructorIds.iterator().next();
            result.put(id, confirmedIntervals(id, from, until));
            return result;
        }
        jdbc.sql("SELECT instructor_id, " + INTERVAL_EPOCHS + """
                         FROM (SELECT instructor_id, unnest(range_agg(tstzrange(start_time, end_time))) AS busy
                                 FROM private_lesson_bookings
                                WHERE instructor_id = ANY(:ids) AND status = 'confirmed'
                                  AND tstzrange(start_time, end_time) && tstzrange(:from, :until)
                                GROUP BY instructor_id) merged
                        """)
                .param("ids", instructorIds.toArray(UUID[]::new))
                .param("from", Sql.ts(from))
                .param("until", Sql.ts(until))
                .query(rs -> {
                    result.computeIfAbsent(Sql.uuid(rs, "instructor_id"), k -> new ArrayList<>()).add(interval(rs));
                });
        return result;
    }
}

package studio.booking.query.thread;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.common.Actor;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.ThreadQueries.UnreadThread;
import studio.booking.query.booking.BookingReads;
import studio.booking.query.support.Sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the threads projection; sender names come from a join with the members table. One query per call. */
@Component
public class ThreadReads {

    private static final String SELECT_MESSAGE = """
            SELECT msg.id, msg.booking_id, msg.sender_id, s.display_name AS sender_name, msg.content, msg.created_at
              FROM booking_messages msg
              LEFT JOIN members s ON s.id = msg.sender_id
            """;

    private static final RowMapper<MessageView> MESSAGE = (rs, n) -> new MessageView(Sql.uuid(rs, "id"),
            Sql.uuid(rs, "booking_id"), Sql.uuid(rs, "sender_id"), rs.getString("sender_name"),
            rs.getString("content"), Sql.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    public ThreadReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The booking's messages in the order they were written. */
    public List<MessageView> messages(UUID bookingId) {
        return jdbc.sql(SELECT_MESSAGE + " WHERE msg.booking_id = :id ORDER BY msg.sequence_number")
                .param("id", bookingId)
                .query(MESSAGE)
                .list();
    }

    public Optional<MessageView> message(UUID messageId) {
        return jdbc.sql(SELECT_MESSAGE + " WHERE msg.id = :id")
                .param("id", messageId)
                .query(MESSAGE)
                .optional();
    }

    /**
     * The reader's unread threads with their latest unread message, newest first (ties: by booking, so
     * the order is stable). Only bookings the reader may still see (B8): an instructor who is a member
     * now no longer sees the lessons they gave.
     */
    public List<UnreadThread> unread(Actor reader) {
        return jdbc.sql("""
                        SELECT r.booking_id, msg.id, msg.content, msg.created_at, msg.sender_id,
                               s.display_name AS sender_name
                          FROM booking_message_reads r
                          JOIN booking_messages msg ON msg.id = r.unread_message_id
                          JOIN private_lesson_bookings b ON b.id = r.booking_id
                          LEFT JOIN members s ON s.id = msg.sender_id
                         WHERE r.member_id = :reader AND r.unread_message_id IS NOT NULL
                           AND (:staff OR b.member_id = :reader)
                         ORDER BY msg.created_at DESC, r.booking_id
                        """)
                .param("reader", reader.id())
                .param("staff", BookingReads.seesAll(reader))
                .query((rs, n) -> new UnreadThread(Sql.uuid(rs, "booking_id"), Sql.uuid(rs, "id"),
                        rs.getString("content"), Sql.instant(rs, "created_at"), Sql.uuid(rs, "sender_id"),
                        rs.getString("sender_name")))
                .list();
    }
}

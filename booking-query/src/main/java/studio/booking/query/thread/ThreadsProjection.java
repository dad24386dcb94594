package studio.booking.query.thread;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.ThreadRead;
import studio.booking.query.replay.ProjectionTables;
import studio.booking.query.support.Sql;

import java.time.Instant;
import java.util.UUID;

/**
 * The tables {@code booking_messages} and {@code booking_message_reads} (M1, M2). Unread state
 * follows the order of the booking's events, as the {@code Booking} aggregate decides it: a message
 * makes the thread unread for the other participant, that participant's read clears it. Every
 * value comes from the events, their timestamps and sequence numbers, so a replay rebuilds the
 * same rows (R3).
 */
@Component
@ProcessingGroup(ThreadsProjection.PROCESSING_GROUP)
@ProjectionTables({"booking_messages", "booking_message_reads"})
public class ThreadsProjection {

    public static final String PROCESSING_GROUP = "threads-projection";

    private final JdbcClient jdbc;

    public ThreadsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(MessagePosted event, @Timestamp Instant at, @SequenceNumber Long sequenceNumber) {
        jdbc.sql("""
                        INSERT INTO booking_messages (id, booking_id, sender_id, content, created_at, sequence_number)
                        VALUES (:id, :bookingId, :senderId, :content, :at, :sequence)
                        """)
                .param("id", event.messageId())
                .param("bookingId", event.bookingId())
                .param("senderId", event.senderId())
                .param("content", event.content())
                .param("at", Sql.ts(at))
                .param("sequence", sequenceNumber)
                .update();
        UUID recipient = event.senderId().equals(event.memberId()) ? event.instructorId() : event.memberId();
        // only participants post (M1): the recipient is the other one
        jdbc.sql("""
                        INSERT INTO booking_message_reads (booking_id, member_id, unread_message_id)
                        VALUES (:bookingId, :recipient, :messageId)
                        ON CONFLICT (booking_id, member_id) DO UPDATE SET unread_message_id = EXCLUDED.unread_message_id
                        """)
                .param("bookingId", event.bookingId())
                .param("recipient", recipient)
                .param("messageId", event.messageId())
                .update();
    }

    @EventHandler
    public void on(ThreadRead event) {
        jdbc.sql("""
                        INSERT INTO booking_message_reads (booking_id, member_id, last_read_at)
                        VALUES (:bookingId, :reader, :readUpTo)
                        ON CONFLICT (booking_id, member_id)
                            DO UPDATE SET last_read_at = EXCLUDED.last_read_at, unread_message_id = NULL
                        """)
                .param("bookingId", event.bookingId())
                .param("reader", event.readerId())
                .param("readUpTo", Sql.ts(event.readUpTo()))
                .update();
    }

    /** Replay starts from empty tables. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE booking_messages, booking_message_reads").update();
    }
}

package studio.booking.messages.thread;

import studio.booking.messages.common.Actor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries on the threads projection. Visibility (B8) and M2 are applied for the {@code viewer}. */
public final class ThreadQueries {

    private ThreadQueries() {
    }

    /**
     * → {@code Optional<MessageList>}, oldest first: empty when there is no such booking or the viewer
     * may not see it. Staff read every thread; members their own bookings' threads.
     */
    public record FindThread(Actor viewer, UUID bookingId) {
    }

    /** → {@code Optional<MessageView>}: empty when there is no such message or the viewer may not see its booking. */
    public record FindMessage(Actor viewer, UUID messageId) {
    }

    /** → {@link UnreadList}: the viewer's unread threads, newest message first; only bookings they take part in. */
    public record ListUnreadThreads(Actor viewer) {
    }

    public record MessageList(List<MessageView> messages) {
    }

    public record UnreadList(List<UnreadThread> unread) {
    }

    /** A thread with a message from the other side the reader has not read: its latest such message. */
    public record UnreadThread(UUID bookingId, UUID messageId, String latestMessage, Instant latestMessageAt,
                               UUID senderId, String senderName) {
    }
}

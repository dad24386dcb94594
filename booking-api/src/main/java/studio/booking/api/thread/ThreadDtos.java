package studio.booking.api.thread;

import com.fasterxml.jackson.annotation.JsonProperty;
import studio.booking.api.web.Wire;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.ThreadQueries.UnreadThread;

import java.util.List;

/** Wire shapes of API.md, Messages. */
public final class ThreadDtos {

    private ThreadDtos() {
    }

    public record MessageRequest(String content) {
    }

    public record MessageRow(String id, String bookingId, String senderId, String senderName, String content,
                             String createdAt) {

        public static MessageRow of(MessageView m) {
            return new MessageRow(m.id().toString(), m.bookingId().toString(), m.senderId().toString(),
                    m.senderName(), m.content(), Wire.instant(m.createdAt()));
        }
    }

    /** {@code hasUnread} keeps the seed's camelCase name (API.md). */
    public record ThreadResponse(List<MessageRow> messages,
                                 @JsonProperty("hasUnread") boolean hasUnread) {
    }

    public record MessageData(MessageRow data) {
    }

    public record UnreadRow(String bookingId, String latestMessage, String latestMessageAt, String senderName) {

        static UnreadRow of(UnreadThread u) {
            return new UnreadRow(u.bookingId().toString(), u.latestMessage(), Wire.instant(u.latestMessageAt()),
                    u.senderName());
        }
    }

    public record UnreadResponse(List<UnreadRow> unread) {
    }
}

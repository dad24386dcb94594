package studio.booking.messages.thread;

import java.util.UUID;

/** M1. When it was written is the event's timestamp. */
public record MessagePosted(UUID bookingId, UUID messageId, UUID instructorId, UUID memberId, UUID senderId,
                            String content) {
}

package studio.booking.messages.thread;

import java.time.Instant;
import java.util.UUID;

/** A message of a booking's thread as the API shows it (API.md, Messages). */
public record MessageView(UUID id, UUID bookingId, UUID senderId, String senderName, String content,
                          Instant createdAt) {
}

package studio.booking.messages.thread;

import java.time.Instant;
import java.util.UUID;

/** M2: {@code readerId} has read every message of the booking written up to {@code readUpTo}. */
public record ThreadRead(UUID bookingId, UUID readerId, Instant readUpTo) {
}

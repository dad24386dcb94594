package studio.booking.messages.ledger;

import java.util.UUID;

/** The ledger freed a confirmed booking's interval (the booking was cancelled). */
public record SlotReleased(UUID instructorId, UUID bookingId) {
}

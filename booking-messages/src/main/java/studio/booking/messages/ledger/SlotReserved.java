package studio.booking.messages.ledger;

import java.time.Instant;
import java.util.UUID;

/** The instructor's {@code SlotLedger} granted this interval to a confirmed booking (B2). */
public record SlotReserved(UUID instructorId, UUID bookingId, Instant startTime, Instant endTime) {
}

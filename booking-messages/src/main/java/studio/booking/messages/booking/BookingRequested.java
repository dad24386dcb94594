package studio.booking.messages.booking;

import java.time.Instant;
import java.util.UUID;

/** A pending request. {@code expiresAt}: when B5 expires it unless it leaves pending first. */
public record BookingRequested(UUID bookingId, UUID instructorId, UUID memberId, Instant startTime, Instant endTime,
                               String notes, Instant expiresAt) {
}

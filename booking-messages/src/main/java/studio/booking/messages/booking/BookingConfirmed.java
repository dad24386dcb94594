package studio.booking.messages.booking;

import java.time.Instant;
import java.util.UUID;

public record BookingConfirmed(UUID bookingId, UUID instructorId, UUID memberId, Instant startTime,
                               Instant endTime) {
}

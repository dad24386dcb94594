package studio.booking.messages.booking;

import java.util.UUID;

public record BookingExpired(UUID bookingId, UUID instructorId, UUID memberId) {
}

package studio.booking.messages.booking;

import java.util.UUID;

public record BookingMarkedNoShow(UUID bookingId, UUID instructorId, UUID memberId) {
}

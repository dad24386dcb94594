package studio.booking.messages.booking;

import java.util.UUID;

/** @param automatic true when B7's auto-complete deadline did it */
public record BookingCompleted(UUID bookingId, UUID instructorId, UUID memberId, boolean automatic) {
}

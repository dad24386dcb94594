package studio.booking.messages.booking;

import java.util.UUID;

/**
 * @param causedBy for {@link DeclineCause#COMPETING_BOOKING_CONFIRMED}, the booking that was confirmed;
 *                 for {@link DeclineCause#SLOT_NO_LONGER_AVAILABLE}, the window or override changed; else null
 */
public record BookingDeclined(UUID bookingId, UUID instructorId, UUID memberId, DeclineCause cause, String reason,
                              UUID causedBy) {
}

package studio.booking.messages.booking;

import java.util.UUID;

/**
 * @param status      {@code CANCELLED_BY_MEMBER} or {@code CANCELLED_BY_INSTRUCTOR}
 * @param wasConfirmed whether the lesson had been confirmed (its slot is free again)
 */
public record BookingCancelled(UUID bookingId, UUID instructorId, UUID memberId, BookingStatus status,
                               UUID cancelledBy, String reason, boolean wasConfirmed) {
}

package studio.booking.messages.booking;

import java.util.UUID;

/** @param created false when an identical pending request already existed (double click) */
public record BookingRequestResult(UUID bookingId, boolean created) {
}

package studio.booking.messages.booking;

import java.util.UUID;

/** B2: answers a {@link ConfirmationResult} listing the overlapping requests it declined. */
public record ConfirmBooking(UUID bookingId) {
}

package studio.booking.messages.booking;

import java.util.UUID;

/** B4: by the instructor or the owner at any time, by the member subject to the 24-hour rule. */
public record CancelBooking(UUID bookingId, String reason) {
}

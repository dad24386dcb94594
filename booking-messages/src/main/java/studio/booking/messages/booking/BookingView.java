package studio.booking.messages.booking;

import java.time.Instant;
import java.util.UUID;

/** A booking as the API shows it (API.md, Bookings). */
public record BookingView(UUID id, UUID instructorId, String instructorName, UUID memberId, String memberName,
                          Instant startTime, Instant endTime, BookingStatus status, String notes,
                          Instant cancelledAt, UUID cancelledBy, String cancellationReason, Instant createdAt,
                          Instant updatedAt, boolean unread) {
}

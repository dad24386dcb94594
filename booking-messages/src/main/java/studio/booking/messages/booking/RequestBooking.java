package studio.booking.messages.booking;

import org.axonframework.commandhandling.RoutingKey;

import java.time.Instant;
import java.util.UUID;

/**
 * B1: a member asks for a lesson in an available slot. Routed by instructor, so that one node
 * decides for one instructor. Answers a {@link BookingRequestResult}.
 *
 * @param bookingId a fresh id proposed by the caller; a repeat of the same member's pending
 *                  request for the same slot answers the existing booking's id instead
 * @param memberId  the member the lesson is for; null means the actor (staff may book for a member)
 */
public record RequestBooking(UUID bookingId, @RoutingKey UUID instructorId, UUID memberId, Instant startTime,
                             Instant endTime, String notes) {

    public static final int MAX_NOTES_LENGTH = 2000;
}

package studio.booking.messages.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** B3. */
public record DeclineBooking(@TargetAggregateIdentifier UUID bookingId, String reason) {
}

package studio.booking.messages.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** B7. */
public record MarkNoShow(@TargetAggregateIdentifier UUID bookingId) {
}

package studio.booking.messages.availability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A2/A3: answers an {@link AvailabilityChangeResult} (a block may orphan requests). */
public record AddAvailabilityOverride(@TargetAggregateIdentifier UUID instructorId, AvailabilityOverride override) {
}

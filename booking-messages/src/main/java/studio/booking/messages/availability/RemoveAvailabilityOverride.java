package studio.booking.messages.availability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A3: removing extra hours orphans requests like removing a window. Answers an {@link AvailabilityChangeResult}. */
public record RemoveAvailabilityOverride(@TargetAggregateIdentifier UUID instructorId, UUID overrideId) {
}

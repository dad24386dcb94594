package studio.booking.messages.availability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A3: answers an {@link AvailabilityChangeResult} (requests declined, confirmed lessons in conflict). */
public record RemoveWeeklyWindow(@TargetAggregateIdentifier UUID instructorId, UUID windowId) {
}

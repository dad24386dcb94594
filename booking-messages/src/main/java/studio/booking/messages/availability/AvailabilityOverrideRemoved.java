package studio.booking.messages.availability;

import java.util.UUID;

public record AvailabilityOverrideRemoved(UUID instructorId, UUID overrideId) {
}

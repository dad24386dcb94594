package studio.booking.messages.availability;

import java.util.UUID;

public record AvailabilityOverrideAdded(UUID instructorId, AvailabilityOverride override) {
}

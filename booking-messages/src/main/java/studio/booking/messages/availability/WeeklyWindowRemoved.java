package studio.booking.messages.availability;

import java.util.UUID;

public record WeeklyWindowRemoved(UUID instructorId, UUID windowId) {
}

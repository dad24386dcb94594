package studio.booking.messages.availability;

import java.util.UUID;

public record WeeklyWindowAdded(UUID instructorId, WeeklyWindow window) {
}

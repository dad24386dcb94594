package studio.booking.messages.availability;

import java.util.List;
import java.util.UUID;

/** Queries on the availability projection. */
public final class AvailabilityQueries {

    private AvailabilityQueries() {
    }

    /** → {@link InstructorAvailability} (empty lists for an instructor with none). */
    public record GetAvailability(UUID instructorId) {
    }

    /** Which instructor a weekly window belongs to → {@code Optional<UUID>} (instructor id). */
    public record FindWindowOwner(UUID windowId) {
    }

    /** Which instructor an override belongs to → {@code Optional<UUID>} (instructor id). */
    public record FindOverrideOwner(UUID overrideId) {
    }

    /** Weekly windows sorted by day and start; overrides by date and start. */
    public record InstructorAvailability(UUID instructorId, List<WeeklyWindow> weekly,
                                         List<AvailabilityOverride> overrides) {
    }
}

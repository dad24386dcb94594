package studio.booking.messages.availability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A date-specific change (A2), in the instructor's local time:
 * <ul>
 *   <li>whole day blocked: {@code available == false}, no times;</li>
 *   <li>part of a day blocked: {@code available == false}, start and end;</li>
 *   <li>extra hours: {@code available == true}, start, end and a slot duration.</li>
 * </ul>
 */
public record AvailabilityOverride(UUID overrideId, LocalDate overrideDate, LocalTime startTime, LocalTime endTime,
                                   boolean available, String reason, Integer slotDurationMinutes) {

    public boolean blocksWholeDay() {
        return !available && startTime == null;
    }

    public boolean blocksPartOfDay() {
        return !available && startTime != null;
    }

    public boolean isExtraHours() {
        return available;
    }
}

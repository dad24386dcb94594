package studio.booking.messages.availability;

import java.util.List;
import java.util.UUID;

/**
 * What an availability change did to bookings (A3): pending requests it declined, and confirmed
 * bookings whose slot no longer exists (never cancelled by it: the instructor decides).
 */
public record AvailabilityChangeResult(List<UUID> declined, List<UUID> conflicts) {

    public static AvailabilityChangeResult none() {
        return new AvailabilityChangeResult(List.of(), List.of());
    }
}

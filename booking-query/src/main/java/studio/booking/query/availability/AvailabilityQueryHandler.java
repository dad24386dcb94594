package studio.booking.query.availability;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.availability.AvailabilityQueries.FindOverrideOwner;
import studio.booking.messages.availability.AvailabilityQueries.FindWindowOwner;
import studio.booking.messages.availability.AvailabilityQueries.GetAvailability;
import studio.booking.messages.availability.AvailabilityQueries.InstructorAvailability;

import java.util.Optional;
import java.util.UUID;

/** Answers the availability queries from the availability projection. */
@Component
public class AvailabilityQueryHandler {

    private final AvailabilityReads availability;

    public AvailabilityQueryHandler(AvailabilityReads availability) {
        this.availability = availability;
    }

    @QueryHandler
    public InstructorAvailability handle(GetAvailability query) {
        return new InstructorAvailability(query.instructorId(), availability.weekly(query.instructorId()),
                availability.overrides(query.instructorId()));
    }

    @QueryHandler
    public Optional<UUID> handle(FindWindowOwner query) {
        return availability.windowOwner(query.windowId());
    }

    @QueryHandler
    public Optional<UUID> handle(FindOverrideOwner query) {
        return availability.overrideOwner(query.overrideId());
    }
}

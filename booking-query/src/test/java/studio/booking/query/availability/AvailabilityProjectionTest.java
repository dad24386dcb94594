package studio.booking.query.availability;

import org.junit.jupiter.api.Test;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.AvailabilityQueries.FindOverrideOwner;
import studio.booking.messages.availability.AvailabilityQueries.FindWindowOwner;
import studio.booking.messages.availability.AvailabilityQueries.GetAvailability;
import studio.booking.messages.availability.AvailabilityQueries.InstructorAvailability;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.messages.common.Role;
import studio.booking.query.ReadSideTest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityProjectionTest extends ReadSideTest {

    @Test
    void availability_lists_weekly_windows_by_day_and_start_and_overrides_by_date_and_start() {
        UUID instructor = member("Ines", Role.INSTRUCTOR);
        WeeklyWindow tuesdayLate = new WeeklyWindow(UUID.randomUUID(), 2, LocalTime.of(18, 0), LocalTime.of(20, 0), 45,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        WeeklyWindow tuesdayEarly = new WeeklyWindow(UUID.randomUUID(), 2, LocalTime.of(9, 0), LocalTime.of(11, 0), 60,
                LocalDate.of(2026, 1, 1), null);
        WeeklyWindow monday = new WeeklyWindow(UUID.randomUUID(), 1, LocalTime.of(12, 0), LocalTime.of(13, 0), 30,
                LocalDate.of(2026, 2, 1), null);
        for (WeeklyWindow w : new WeeklyWindow[]{tuesdayLate, tuesdayEarly, monday}) {
            availabilityProjection.on(new WeeklyWindowAdded(instructor, w), eventTime());
        }
        AvailabilityOverride extra = new AvailabilityOverride(UUID.randomUUID(), LocalDate.of(2026, 3, 4),
                LocalTime.of(10, 0), LocalTime.of(12, 0), true, "workshop week", 90);
        AvailabilityOverride part = new AvailabilityOverride(UUID.randomUUID(), LocalDate.of(2026, 3, 4),
                LocalTime.of(8, 0), LocalTime.of(9, 0), false, "dentist", null);
        AvailabilityOverride day = new AvailabilityOverride(UUID.randomUUID(), LocalDate.of(2026, 3, 1), null, null,
                false, "holiday", null);
        override(instructor, extra);
        override(instructor, part);
        override(instructor, day);
        weekly(member("Other", Role.INSTRUCTOR), 1, "10:00", "11:00", 60);

        InstructorAvailability availability = availabilityQueries.handle(new GetAvailability(instructor));

        assertThat(availability.instructorId()).isEqualTo(instructor);
        assertThat(availability.weekly()).containsExactly(monday, tuesdayEarly, tuesdayLate);
        assertThat(availability.overrides()).containsExactly(day, part, extra);
    }

    @Test
    void owners_of_windows_and_overrides_are_found_and_removed_rows_are_gone() {
        UUID instructor = member("Ines", Role.INSTRUCTOR);
        UUID window = weekly(instructor, 3, "10:00", "12:00", 60);
        UUID block = override(instructor, new AvailabilityOverride(UUID.randomUUID(), LocalDate.of(2026, 3, 4), null,
                null, false, null, null));

        assertThat(availabilityQueries.handle(new FindWindowOwner(window))).contains(instructor);
        assertThat(availabilityQueries.handle(new FindOverrideOwner(block))).contains(instructor);
        assertThat(availabilityQueries.handle(new FindWindowOwner(block))).isEmpty();

        availabilityProjection.on(new WeeklyWindowRemoved(instructor, window));
        availabilityProjection.on(new AvailabilityOverrideRemoved(instructor, block));

        assertThat(availabilityQueries.handle(new FindWindowOwner(window))).isEmpty();
        assertThat(availabilityQueries.handle(new FindOverrideOwner(block))).isEmpty();
        InstructorAvailability availability = availabilityQueries.handle(new GetAvailability(instructor));
        assertThat(availability.weekly()).isEmpty();
        assertThat(availability.overrides()).isEmpty();
    }
}

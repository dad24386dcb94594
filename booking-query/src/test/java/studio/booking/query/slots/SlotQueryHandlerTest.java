package studio.booking.query.slots;

import org.junit.jupiter.api.Test;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.query.ReadSideTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlotQueryHandlerTest extends ReadSideTest {

    static final int MONDAY = 1;
    static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);
    static final LocalDate FEB_9 = LocalDate.of(2026, 2, 9);

    UUID instructor = member("Ines", Role.INSTRUCTOR);
    UUID ana = member("Ana", Role.MEMBER_FULL);

    {
        weekly(instructor, MONDAY, "10:00", "13:00", 60);
    }

    List<Slot> slots(UUID instructorId, LocalDate from, LocalDate to, Integer duration) {
        return slotQueries.handle(new GetAvailableSlots(instructorId, from, to, duration)).slots();
    }

    Slot slot(LocalDate date, String start, String end) {
        return new Slot(at(date, start, NEW_YORK), at(date, end, NEW_YORK));
    }

    @Test
    void S1_slots_of_the_range_in_the_instructors_schedule() {
        assertThat(slots(instructor, FEB_2, FEB_9, null)).containsExactly(
                slot(FEB_2, "10:00", "11:00"), slot(FEB_2, "11:00", "12:00"), slot(FEB_2, "12:00", "13:00"),
                slot(FEB_9, "10:00", "11:00"), slot(FEB_9, "11:00", "12:00"), slot(FEB_9, "12:00", "13:00"));
    }

    @Test
    void S1_confirmed_bookings_remove_every_slot_they_overlap_pending_requests_remove_none() {
        confirmed(instructor, ana, at(FEB_9, "11:30", NEW_YORK), at(FEB_9, "12:30", NEW_YORK));
        requested(instructor, ana, at(FEB_9, "10:00", NEW_YORK), at(FEB_9, "11:00", NEW_YORK));
        confirmed(member("Olga", Role.INSTRUCTOR), ana, at(FEB_2, "10:00", NEW_YORK), at(FEB_2, "11:00", NEW_YORK));

        assertThat(slots(instructor, FEB_2, FEB_9, null)).containsExactly(
                slot(FEB_2, "10:00", "11:00"), slot(FEB_2, "11:00", "12:00"), slot(FEB_2, "12:00", "13:00"),
                slot(FEB_9, "10:00", "11:00"));
    }

    @Test
    void S1_a_slot_starting_no_later_than_now_plus_minimum_notice_is_not_offered() {
        setSettings(new BookingSettings(NEW_YORK, Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(2),
                Duration.ofDays(365), 10, Duration.ofHours(24)));
        setNow(at(FEB_2, "09:00", NEW_YORK)); // now + notice = 11:00: that slot is not strictly after it

        assertThat(slots(instructor, FEB_2, FEB_2, null)).containsExactly(slot(FEB_2, "12:00", "13:00"));
    }

    @Test
    void S1_slots_already_started_are_not_offered() {
        setNow(at(FEB_2, "10:30", NEW_YORK));
        assertThat(slots(instructor, FEB_2, FEB_2, null)).containsExactly(slot(FEB_2, "11:00", "12:00"),
                slot(FEB_2, "12:00", "13:00"));
    }

    @Test
    void S1_slots_starting_after_now_plus_booking_horizon_are_not_offered() {
        setSettings(new BookingSettings(NEW_YORK, Duration.ofHours(4), Duration.ofHours(24), Duration.ZERO,
                Duration.ofDays(7), 10, Duration.ofHours(24)));
        setNow(at(FEB_2, "11:00", NEW_YORK)); // horizon ends at 9 Feb 11:00, inclusive

        assertThat(slots(instructor, FEB_2, FEB_9.plusWeeks(1), null)).containsExactly(slot(FEB_2, "12:00", "13:00"),
                slot(FEB_9, "10:00", "11:00"), slot(FEB_9, "11:00", "12:00"));
    }

    @Test
    void S1_blocks_and_extra_hours_from_the_projection_apply() {
        override(instructor, new AvailabilityOverride(UUID.randomUUID(), FEB_9, null, null, false, "away", null));
        override(instructor, new AvailabilityOverride(UUID.randomUUID(), FEB_9, LocalTime.of(18, 0), LocalTime.of(19, 0),
                true, null, 30));
        override(instructor, new AvailabilityOverride(UUID.randomUUID(), FEB_2, LocalTime.of(11, 30),
                LocalTime.of(11, 45), false, "call", null));

        assertThat(slots(instructor, FEB_2, FEB_9, null)).containsExactly(slot(FEB_2, "10:00", "11:00"),
                slot(FEB_2, "12:00", "13:00"), slot(FEB_9, "18:00", "18:30"), slot(FEB_9, "18:30", "19:00"));
    }

    @Test
    void S2_slots_are_cut_in_the_instructors_zone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        UUID berliner = member("Bernd", Role.INSTRUCTOR, "Europe/Berlin");
        weekly(berliner, MONDAY, "16:00", "17:00", 60);

        assertThat(slots(berliner, FEB_9, FEB_9, null)).containsExactly(
                new Slot(at(FEB_9, "16:00", berlin), at(FEB_9, "17:00", berlin)));
        assertThat(slots(berliner, FEB_9, FEB_9, null).get(0).start()).isEqualTo(Instant.parse("2026-02-09T15:00:00Z"));
    }

    @Test
    void S3_duration_keeps_slots_of_exactly_that_length() {
        override(instructor, new AvailabilityOverride(UUID.randomUUID(), FEB_9, LocalTime.of(10, 0), LocalTime.of(11, 0),
                true, null, 30));

        assertThat(slots(instructor, FEB_9, FEB_9, 30)).containsExactly(slot(FEB_9, "10:00", "10:30"),
                slot(FEB_9, "10:30", "11:00"));
        assertThat(slots(instructor, FEB_9, FEB_9, 60)).hasSize(3);
        assertThat(slots(instructor, FEB_9, FEB_9, null)).hasSize(5);
    }

    @Test
    void unknown_inactive_or_non_teaching_instructors_offer_no_slots() {
        assertThat(slots(UUID.randomUUID(), FEB_2, FEB_9, null)).isEmpty();
        weekly(ana, MONDAY, "10:00", "11:00", 60);
        assertThat(slots(ana, FEB_2, FEB_9, null)).isEmpty();
        membersProjection.on(new MemberDeactivated(instructor), eventTime());
        assertThat(slots(instructor, FEB_2, FEB_9, null)).isEmpty();
    }
}

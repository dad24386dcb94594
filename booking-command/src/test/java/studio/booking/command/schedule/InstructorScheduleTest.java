package studio.booking.command.schedule;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.Slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.command.support.Violations.violation;
import static studio.booking.messages.common.RuleViolation.Kind.CONFLICT;
import static studio.booking.messages.common.RuleViolation.Kind.FORBIDDEN;
import static studio.booking.messages.common.RuleViolation.Kind.INVALID;
import static studio.booking.messages.common.RuleViolation.Kind.NOT_FOUND;

class InstructorScheduleTest {

    private static final UUID INSTRUCTOR = UUID.randomUUID();
    private static final String ID = InstructorSchedule.idOf(INSTRUCTOR);
    private static final Actor SELF = new Actor(INSTRUCTOR, Role.INSTRUCTOR);
    private static final Actor OWNER = new Actor(UUID.randomUUID(), Role.OWNER);
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.of(2030, 3, 4); // a Monday
    private static final UUID W1 = UUID.randomUUID();

    private final AggregateTestFixture<InstructorSchedule> fixture = new AggregateTestFixture<>(InstructorSchedule.class);

    /** Mondays 09:00–12:00, hour slots, from TODAY. */
    private static WeeklyWindowAdded monday() {
        return new WeeklyWindowAdded(INSTRUCTOR,
                new WeeklyWindow(W1, 1, LocalTime.of(9, 0), LocalTime.of(12, 0), 60, TODAY, null));
    }

    /** Some other availability: whenInvoking needs an existing schedule (new ones come from loadOrCreate). */
    private static WeeklyWindowAdded sunday() {
        return new WeeklyWindowAdded(INSTRUCTOR,
                new WeeklyWindow(UUID.randomUUID(), 0, LocalTime.of(9, 0), LocalTime.of(12, 0), 60, TODAY, null));
    }

    private static WeeklyWindow window(UUID id, int day, int from, int to, int minutes, LocalDate start, LocalDate until) {
        return new WeeklyWindow(id, day, LocalTime.of(from, 0), LocalTime.of(to, 0), minutes, start, until);
    }

    @Test
    void A1_adds_a_window_with_defaults_for_duration_and_start() {
        UUID id = UUID.randomUUID();
        fixture.given(sunday())
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(id, 2, 9, 12, 0, null, null), SELF, TODAY))
                .expectEvents(new WeeklyWindowAdded(INSTRUCTOR, window(id, 2, 9, 12, 60, TODAY, null)));
    }

    @Test
    void A1_rejects_bad_windows() {
        for (WeeklyWindow bad : List.of(
                window(null, 7, 9, 12, 60, null, null),
                window(null, -1, 9, 12, 60, null, null),
                window(null, 1, 12, 9, 60, null, null),
                window(null, 1, 9, 9, 60, null, null),
                window(null, 1, 9, 12, 14, null, null),
                window(null, 1, 9, 12, 241, null, null),
                window(null, 1, 9, 12, 60, TODAY, TODAY.minusDays(1)))) {
            fixture.given(sunday())
                    .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, bad, SELF, TODAY))
                    .expectException(violation(INVALID));
        }
    }

    @Test
    void A1_overlapping_windows_on_one_day_conflict_where_effective_ranges_meet() {
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(null, 1, 11, 14, 60, null, null), SELF, TODAY))
                .expectException(violation(CONFLICT));
        fixture.given(new WeeklyWindowAdded(INSTRUCTOR, window(W1, 1, 9, 12, 60, TODAY, TODAY.plusDays(30))))
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR,
                        window(null, 1, 11, 14, 60, TODAY.plusDays(30), null), SELF, TODAY))
                .expectException(violation(CONFLICT));
    }

    @Test
    void A1_windows_may_touch_or_differ_in_day_or_effective_range() {
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(null, 1, 12, 14, 60, null, null), SELF, TODAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(null, 2, 9, 12, 60, null, null), SELF, TODAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(new WeeklyWindowAdded(INSTRUCTOR, window(W1, 1, 9, 12, 60, TODAY, TODAY.plusDays(6))))
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR,
                        window(null, 1, 9, 12, 60, TODAY.plusDays(7), null), SELF, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void A1_removing_an_unknown_window_is_not_found() {
        fixture.given(monday())
                .whenInvoking(ID, s -> s.removeWeeklyWindow(INSTRUCTOR, UUID.randomUUID(), SELF))
                .expectException(violation(NOT_FOUND));
        fixture.given(monday())
                .whenInvoking(ID, s -> s.removeWeeklyWindow(INSTRUCTOR, W1, SELF))
                .expectEvents(new WeeklyWindowRemoved(INSTRUCTOR, W1));
    }

    @Test
    void A2_blocks_and_extra_hours() {
        UUID block = UUID.randomUUID();
        AvailabilityOverride wholeDay = new AvailabilityOverride(block, TODAY, null, null, false, "Holiday", null);
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addOverride(INSTRUCTOR, wholeDay, SELF))
                .expectEvents(new AvailabilityOverrideAdded(INSTRUCTOR, wholeDay));
        UUID extra = UUID.randomUUID();
        AvailabilityOverride hours = new AvailabilityOverride(extra, TODAY, LocalTime.of(18, 0), LocalTime.of(20, 0),
                true, null, null);
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addOverride(INSTRUCTOR, hours, SELF))
                .expectEvents(new AvailabilityOverrideAdded(INSTRUCTOR, new AvailabilityOverride(extra, TODAY,
                        LocalTime.of(18, 0), LocalTime.of(20, 0), true, null, 60)));
    }

    @Test
    void A2_rejects_bad_overrides() {
        for (AvailabilityOverride bad : List.of(
                new AvailabilityOverride(null, null, null, null, false, null, null),
                new AvailabilityOverride(null, TODAY, LocalTime.of(9, 0), null, false, null, null),
                new AvailabilityOverride(null, TODAY, LocalTime.of(12, 0), LocalTime.of(9, 0), false, null, null),
                new AvailabilityOverride(null, TODAY, null, null, true, null, 60),
                new AvailabilityOverride(null, TODAY, LocalTime.of(9, 0), LocalTime.of(12, 0), true, null, 10))) {
            fixture.given(sunday())
                    .whenInvoking(ID, s -> s.addOverride(INSTRUCTOR, bad, SELF))
                    .expectException(violation(INVALID));
        }
    }

    @Test
    void A2_extra_hours_overlapping_other_extra_hours_conflict() {
        AvailabilityOverride first = new AvailabilityOverride(UUID.randomUUID(), TODAY, LocalTime.of(18, 0),
                LocalTime.of(20, 0), true, null, 60);
        fixture.given(new AvailabilityOverrideAdded(INSTRUCTOR, first))
                .whenInvoking(ID, s -> s.addOverride(INSTRUCTOR, new AvailabilityOverride(null, TODAY,
                        LocalTime.of(19, 0), LocalTime.of(21, 0), true, null, 60), SELF))
                .expectException(violation(CONFLICT));
        fixture.given(new AvailabilityOverrideAdded(INSTRUCTOR, first))
                .whenInvoking(ID, s -> s.addOverride(INSTRUCTOR, new AvailabilityOverride(null, TODAY.plusDays(1),
                        LocalTime.of(19, 0), LocalTime.of(21, 0), true, null, 60), SELF))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void A2_removing_an_unknown_override_is_not_found() {
        UUID id = UUID.randomUUID();
        AvailabilityOverride block = new AvailabilityOverride(id, TODAY, null, null, false, null, null);
        fixture.given(new AvailabilityOverrideAdded(INSTRUCTOR, block))
                .whenInvoking(ID, s -> s.removeOverride(INSTRUCTOR, UUID.randomUUID(), SELF))
                .expectException(violation(NOT_FOUND));
        fixture.given(new AvailabilityOverrideAdded(INSTRUCTOR, block))
                .whenInvoking(ID, s -> s.removeOverride(INSTRUCTOR, id, OWNER))
                .expectEvents(new AvailabilityOverrideRemoved(INSTRUCTOR, id));
    }

    @Test
    void A4_only_the_instructor_or_the_owner_changes_availability() {
        for (Role role : List.of(Role.GUEST, Role.MEMBER_FULL, Role.INSTRUCTOR)) {
            Actor other = new Actor(UUID.randomUUID(), role);
            fixture.given(monday())
                    .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(null, 3, 9, 12, 60, null, null), other, TODAY))
                    .expectException(violation(FORBIDDEN));
            fixture.given(monday())
                    .whenInvoking(ID, s -> s.removeWeeklyWindow(INSTRUCTOR, W1, other))
                    .expectException(violation(FORBIDDEN));
        }
        fixture.given(monday())
                .whenInvoking(ID, s -> s.addWeeklyWindow(INSTRUCTOR, window(null, 3, 9, 12, 60, null, null), OWNER, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void A4_an_instructor_who_no_longer_teaches_changes_nothing() {
        Actor demoted = new Actor(INSTRUCTOR, Role.MEMBER_FULL);
        fixture.given(monday())
                .whenInvoking(ID, s -> s.removeWeeklyWindow(INSTRUCTOR, W1, demoted))
                .expectException(violation(FORBIDDEN));
        fixture.given(monday())
                .whenInvoking(ID, s -> s.removeWeeklyWindow(INSTRUCTOR, W1, SELF))
                .expectSuccessfulHandlerExecution();
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), ZONE).toInstant();
    }

    private static InstructorSchedule scheduleOf(Object... events) {
        InstructorSchedule s = new InstructorSchedule();
        for (Object e : events) {
            if (e instanceof WeeklyWindowAdded w) s.on(w);
            if (e instanceof AvailabilityOverrideAdded o) s.on(o);
        }
        return s;
    }

    @Test
    void offers_only_candidate_slots() {
        InstructorSchedule s = scheduleOf(monday());
        assertThat(s.offers(new Slot(at(TODAY, 9, 0), at(TODAY, 10, 0)), ZONE)).isTrue();
        assertThat(s.offers(new Slot(at(TODAY, 9, 30), at(TODAY, 10, 30)), ZONE)).isFalse();
        assertThat(s.offers(new Slot(at(TODAY, 9, 0), at(TODAY, 11, 0)), ZONE)).isFalse();
        assertThat(s.offers(new Slot(at(TODAY.plusDays(1), 9, 0), at(TODAY.plusDays(1), 10, 0)), ZONE)).isFalse();
    }

    @Test
    void A3_a_part_day_block_orphans_the_slots_it_overlaps() {
        Slot nine = new Slot(at(TODAY, 9, 0), at(TODAY, 10, 0));
        Slot ten = new Slot(at(TODAY, 10, 0), at(TODAY, 11, 0));
        Slot eleven = new Slot(at(TODAY, 11, 0), at(TODAY, 12, 0));
        InstructorSchedule s = scheduleOf(monday(), new AvailabilityOverrideAdded(INSTRUCTOR,
                new AvailabilityOverride(UUID.randomUUID(), TODAY, LocalTime.of(10, 30), LocalTime.of(11, 0), false,
                        null, null)));
        assertThat(s.withoutSlot(List.of(nine, ten, eleven), x -> x, ZONE)).containsExactly(ten);
        assertThat(scheduleOf().withoutSlot(List.of(nine), x -> x, ZONE)).containsExactly(nine);
    }
}

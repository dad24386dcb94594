package studio.booking.messages.slots;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCalculatorTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 2026-02-02 is a Monday. */
    static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);
    static final int MON = 1;

    static WeeklyWindow window(int day, String start, String end, int minutes) {
        return window(day, start, end, minutes, LocalDate.of(2026, 1, 1), null);
    }

    static WeeklyWindow window(int day, String start, String end, int minutes, LocalDate from, LocalDate until) {
        return new WeeklyWindow(UUID.randomUUID(), day, LocalTime.parse(start), LocalTime.parse(end), minutes, from, until);
    }

    static AvailabilityOverride blockDay(LocalDate date) {
        return new AvailabilityOverride(UUID.randomUUID(), date, null, null, false, "closed", null);
    }

    static AvailabilityOverride blockPart(LocalDate date, String start, String end) {
        return new AvailabilityOverride(UUID.randomUUID(), date, LocalTime.parse(start), LocalTime.parse(end), false,
                "busy", null);
    }

    static AvailabilityOverride extra(LocalDate date, String start, String end, Integer minutes) {
        return new AvailabilityOverride(UUID.randomUUID(), date, LocalTime.parse(start), LocalTime.parse(end), true,
                null, minutes);
    }

    static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), NEW_YORK).toInstant();
    }

    static Slot slot(LocalDate date, String start, String end) {
        return new Slot(at(date, start), at(date, end));
    }

    static List<Slot> slots(List<WeeklyWindow> weekly, List<AvailabilityOverride> overrides, LocalDate from, LocalDate to) {
        return SlotCalculator.candidateSlots(weekly, overrides, NEW_YORK, from, to);
    }

    @Nested
    class S1 {

        @Test
        void S1_weekly_window_is_cut_into_back_to_back_slots_on_matching_days_only() {
            List<Slot> result = slots(List.of(window(MON, "10:00", "12:00", 60)), List.of(), MONDAY, MONDAY.plusDays(6));
            assertThat(result).containsExactly(slot(MONDAY, "10:00", "11:00"), slot(MONDAY, "11:00", "12:00"));
        }

        @Test
        void S1_last_slot_ends_no_later_than_the_window_end() {
            List<Slot> result = slots(List.of(window(MON, "10:00", "12:30", 45)), List.of(), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "10:00", "10:45"), slot(MONDAY, "10:45", "11:30"),
                    slot(MONDAY, "11:30", "12:15"));
        }

        @Test
        void S1_window_applies_only_inside_its_effective_range() {
            WeeklyWindow w = window(MON, "10:00", "11:00", 60, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2));
            List<Slot> result = slots(List.of(w), List.of(), MONDAY, MONDAY.plusWeeks(4));
            assertThat(result).containsExactly(slot(MONDAY.plusWeeks(1), "10:00", "11:00"),
                    slot(MONDAY.plusWeeks(2), "10:00", "11:00"));
        }

        @Test
        void S1_blocked_day_removes_every_weekly_slot_of_that_date() {
            List<Slot> result = slots(List.of(window(MON, "10:00", "12:00", 60)), List.of(blockDay(MONDAY)), MONDAY,
                    MONDAY.plusWeeks(1));
            assertThat(result).containsExactly(slot(MONDAY.plusWeeks(1), "10:00", "11:00"),
                    slot(MONDAY.plusWeeks(1), "11:00", "12:00"));
        }

        @Test
        void S1_blocked_part_removes_every_slot_it_overlaps_not_only_those_starting_inside_it() {
            List<Slot> result = slots(List.of(window(MON, "09:00", "13:00", 60)),
                    List.of(blockPart(MONDAY, "10:30", "11:15")), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "09:00", "10:00"), slot(MONDAY, "12:00", "13:00"));
        }

        @Test
        void S1_blocked_part_touching_a_slot_does_not_remove_it() {
            List<Slot> result = slots(List.of(window(MON, "09:00", "11:00", 60)),
                    List.of(blockPart(MONDAY, "10:00", "10:30")), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "09:00", "10:00"));
        }

        @Test
        void S1_extra_hours_are_added_even_on_a_blocked_day_and_inside_a_blocked_part() {
            List<Slot> result = slots(List.of(window(MON, "09:00", "10:00", 60)),
                    List.of(blockDay(MONDAY), blockPart(MONDAY, "14:00", "16:00"), extra(MONDAY, "14:00", "15:00", 30)),
                    MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "14:00", "14:30"), slot(MONDAY, "14:30", "15:00"));
        }

        @Test
        void S1_extra_hours_without_duration_use_sixty_minutes_and_come_on_any_weekday() {
            LocalDate wednesday = MONDAY.plusDays(2);
            List<Slot> result = slots(List.of(), List.of(extra(wednesday, "18:00", "20:00", null)), MONDAY, MONDAY.plusDays(6));
            assertThat(result).containsExactly(slot(wednesday, "18:00", "19:00"), slot(wednesday, "19:00", "20:00"));
        }

        @Test
        void S1_identical_slots_appear_once() {
            List<Slot> result = slots(List.of(window(MON, "10:00", "11:00", 60)),
                    List.of(extra(MONDAY, "10:00", "11:00", 60)), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "10:00", "11:00"));
        }

        @Test
        void S1_overlapping_slots_of_different_lengths_both_appear() {
            List<Slot> result = slots(List.of(window(MON, "10:00", "11:00", 60)),
                    List.of(extra(MONDAY, "10:00", "11:00", 30)), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "10:00", "10:30"), slot(MONDAY, "10:00", "11:00"),
                    slot(MONDAY, "10:30", "11:00"));
        }

        @Test
        void S1_a_slot_belongs_to_the_local_date_of_its_start() {
            // 23:00 New York on Monday is Tuesday in UTC: still a Monday slot, asked for by Monday's date
            List<Slot> result = slots(List.of(window(MON, "22:00", "23:59", 60)), List.of(), MONDAY, MONDAY);
            assertThat(result).containsExactly(slot(MONDAY, "22:00", "23:00"));
            assertThat(slots(List.of(window(MON, "22:00", "23:59", 60)), List.of(), MONDAY.plusDays(1), MONDAY.plusDays(1)))
                    .isEmpty();
        }

        @Test
        void S1_offerable_removes_slots_overlapping_confirmed_bookings_and_applies_notice_and_horizon() {
            List<Slot> candidates = slots(List.of(window(MON, "09:00", "14:00", 60)), List.of(), MONDAY, MONDAY);
            Slot confirmed = new Slot(at(MONDAY, "11:30"), at(MONDAY, "12:30"));
            List<Slot> result = SlotCalculator.offerable(candidates, List.of(confirmed), at(MONDAY, "09:00"),
                    at(MONDAY, "13:00"));
            // 09:00 is not strictly after the earliest start; 11 and 12 overlap the confirmed booking
            assertThat(result).containsExactly(slot(MONDAY, "10:00", "11:00"), slot(MONDAY, "13:00", "14:00"));
        }
    }

    @Nested
    class S2 {

        @Test
        void S2_spring_forward_night_one_to_four_holds_exactly_two_one_hour_slots() {
            LocalDate springForward = LocalDate.of(2026, 3, 8);
            List<Slot> result = slots(List.of(window(0, "01:00", "04:00", 60)), List.of(), springForward, springForward);
            assertThat(result).containsExactly(
                    new Slot(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:00:00Z")),
                    new Slot(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-08T08:00:00Z")));
        }

        @Test
        void S2_fall_back_night_one_to_three_holds_exactly_three_slots_of_sixty_minutes() {
            LocalDate fallBack = LocalDate.of(2026, 11, 1);
            List<Slot> result = slots(List.of(window(0, "01:00", "03:00", 60)), List.of(), fallBack, fallBack);
            assertThat(result).hasSize(3);
            assertThat(result).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1)));
            assertThat(result.get(0).start()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
            assertThat(result.get(2).end()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        }

        @Test
        void S2_a_blocked_part_lying_wholly_in_the_spring_forward_gap_blocks_nothing() {
            LocalDate springForward = LocalDate.of(2026, 3, 8);
            List<Slot> result = slots(List.of(window(0, "03:00", "05:00", 60)),
                    List.of(blockPart(springForward, "02:00", "03:00")), springForward, springForward);
            assertThat(result).hasSize(2);
        }
    }

    @Nested
    class S3 {

        @Test
        void S3_duration_filter_keeps_slots_of_exactly_that_length() {
            List<Slot> all = slots(List.of(window(MON, "10:00", "11:00", 60)),
                    List.of(extra(MONDAY, "10:00", "11:00", 30)), MONDAY, MONDAY);
            assertThat(SlotCalculator.ofDuration(all, 30)).containsExactly(slot(MONDAY, "10:00", "10:30"),
                    slot(MONDAY, "10:30", "11:00"));
            assertThat(SlotCalculator.ofDuration(all, 60)).containsExactly(slot(MONDAY, "10:00", "11:00"));
            assertThat(SlotCalculator.ofDuration(all, 45)).isEmpty();
            assertThat(SlotCalculator.ofDuration(all, null)).isEqualTo(all);
        }
    }
}

package studio.booking.messages.slots;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

/** S1/S2 as properties: whatever the window, date and zone (DST nights included). */
class SlotCalculatorPropertyTest {

    @Property(tries = 300)
    void S1_a_slot_is_offered_exactly_when_it_overlaps_no_confirmed_booking(
            @ForAll("intervals") List<Slot> candidates, @ForAll("intervals") List<Slot> confirmed) {
        List<Slot> sortedCandidates = candidates.stream().sorted().distinct().toList();

        List<Slot> offered = SlotCalculator.offerable(sortedCandidates, confirmed, Instant.MIN, Instant.MAX);

        assertThat(offered).isEqualTo(sortedCandidates.stream()
                .filter(slot -> confirmed.stream().noneMatch(slot::overlaps)).toList());
    }

    @Provide
    Arbitrary<List<Slot>> intervals() {
        Instant origin = Instant.parse("2026-03-01T00:00:00Z");
        return Combinators.combine(Arbitraries.integers().between(0, 2_000), Arbitraries.integers().between(1, 240))
                .as((startMinute, minutes) -> new Slot(origin.plus(Duration.ofMinutes(startMinute)),
                        origin.plus(Duration.ofMinutes(startMinute + minutes))))
                .list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void S2_every_slot_lasts_exactly_its_windows_duration_and_lies_within_the_windows_instants(
            @ForAll("windows") WeeklyWindow window, @ForAll("dates") LocalDate date, @ForAll("zones") ZoneId zone) {
        LocalDate day = date;
        while (!window.appliesOn(day)) {
            day = day.plusDays(1);
        }
        Instant windowStart = ZonedDateTime.of(day, window.startTime(), zone).toInstant();
        Instant windowEnd = ZonedDateTime.of(day, window.endTime(), zone).toInstant();

        List<Slot> slots = SlotCalculator.candidateSlots(List.of(window), List.of(), zone, day, day);

        assertThat(slots).allSatisfy(slot -> {
            assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(Duration.ofMinutes(window.slotDurationMinutes()));
            assertThat(slot.start()).isAfterOrEqualTo(windowStart);
            assertThat(slot.end()).isBeforeOrEqualTo(windowEnd);
        });
        // back to back from the window's start, and no room left for another slot
        long expected = Math.max(0, Duration.between(windowStart, windowEnd).toMinutes() / window.slotDurationMinutes());
        assertThat(slots).hasSize((int) expected);
    }

    @Property(tries = 300)
    void S1_candidate_slots_come_sorted_each_distinct_slot_once_across_days_windows_and_zones(
            @ForAll("windowSets") List<WeeklyWindow> windows, @ForAll("dates") LocalDate from,
            @ForAll("zones") ZoneId zone) {
        LocalDate to = from.plusDays(9);

        List<Slot> slots = SlotCalculator.candidateSlots(windows, List.of(), zone, from, to);

        assertThat(slots).isEqualTo(slots.stream().sorted().distinct().toList());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate date = day;
            List<Slot> ofDay = slots.stream().filter(s -> s.start().atZone(zone).toLocalDate().equals(date)).toList();
            assertThat(ofDay).isEqualTo(windows.stream()
                    .flatMap(w -> SlotCalculator.candidateSlots(List.of(w), List.of(), zone, date, date).stream())
                    .sorted().distinct().toList());
        }
    }

    @Provide
    Arbitrary<List<WeeklyWindow>> windowSets() {
        return windows().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<WeeklyWindow> windows() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> startMinute = Arbitraries.integers().between(0, 24 * 60 - 2);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 24 * 60);
        Arbitrary<Integer> duration = Arbitraries.integers().between(WeeklyWindow.MIN_SLOT_DURATION_MINUTES,
                WeeklyWindow.MAX_SLOT_DURATION_MINUTES);
        return Combinators.combine(day, startMinute, length, duration).as((d, s, l, dur) -> {
            int end = Math.min(24 * 60 - 1, s + l);
            return new WeeklyWindow(UUID.randomUUID(), d, LocalTime.ofSecondOfDay(s * 60L),
                    LocalTime.ofSecondOfDay(end * 60L), dur, LocalDate.of(2020, 1, 1), null);
        }).filter(w -> w.startTime().isBefore(w.endTime()));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        // plenty of DST transitions in these years
        return Arbitraries.integers().between(0, 3 * 366).map(n -> LocalDate.of(2025, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Lord_Howe"),
                ZoneId.of("America/Santiago"), ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"));
    }
}

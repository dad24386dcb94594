package studio.booking.query.calendar;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.slots.SlotQueries.CalendarBooking;
import studio.booking.messages.slots.SlotQueries.CalendarDay;
import studio.booking.messages.slots.SlotQueries.CalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetCalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetStudioCalendarMonth;
import studio.booking.messages.slots.SlotQueries.InstructorSummary;
import studio.booking.query.booking.BookingReads;
import studio.booking.query.member.MemberReads;
import studio.booking.query.slots.OfferedSlots;
import studio.booking.query.slots.SlotQueryHandler;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The month view in one answer: every date of the month, the slots still offered on it and the
 * bookings the viewer may see (B8) that start on it.
 */
@Component
public class CalendarQueryHandler {

    private final MemberReads members;
    private final BookingReads bookings;
    private final OfferedSlots offeredSlots;

    public CalendarQueryHandler(MemberReads members, BookingReads bookings, OfferedSlots offeredSlots) {
        this.members = members;
        this.bookings = bookings;
        this.offeredSlots = offeredSlots;
    }

    /** One instructor's month, dates in the instructor's zone. */
    @QueryHandler
    public CalendarMonth handle(GetCalendarMonth query) {
        Optional<MemberView> instructor = members.find(query.instructorId());
        ZoneId zone = instructor.map(i -> ZoneId.of(i.timeZone())).orElse(members.studioZone());
        YearMonth month = query.month();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();

        List<Slot> slots = instructor.filter(SlotQueryHandler::teaches)
                .map(i -> offeredSlots.of(i.id(), zone, first, last, query.durationMinutes()))
                .orElse(List.of());
        List<BookingView> visible = bookings.find(query.viewer(), Set.of(query.instructorId()), null,
                first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), null);

        InstructorSummary summary = instructor
                .map(i -> new InstructorSummary(i.id(), i.displayName(), i.avatarUrl(), i.timeZone()))
                .orElse(null);
        return new CalendarMonth(summary, zone.getId(), days(month, zone, slots, visible));
    }

    /** Every active instructor at once, dates in the studio's zone; slot counts summed (staff view). */
    @QueryHandler
    public CalendarMonth handle(GetStudioCalendarMonth query) {
        ZoneId studio = members.studioZone();
        YearMonth month = query.month();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();

        Map<UUID, ZoneId> instructors = new LinkedHashMap<>();
        for (MemberView i : members.activeInstructors()) {
            instructors.put(i.id(), ZoneId.of(i.timeZone()));
        }
        // an instructor's local dates can be up to two days off the studio's: ask for a wider range,
        // then keep what starts inside the month in the studio's zone (days() buckets and filters)
        Collection<List<Slot>> perInstructor = offeredSlots.of(instructors, first.minusDays(2), last.plusDays(2), null)
                .values();
        List<Slot> slots = new ArrayList<>();
        perInstructor.forEach(slots::addAll);
        // every instructor's bookings, a deactivated one's included: they stay
        List<BookingView> visible = bookings.find(query.viewer(), null, null,
                first.atStartOfDay(studio).toInstant(), last.plusDays(1).atStartOfDay(studio).toInstant(), null);
        return new CalendarMonth(null, studio.getId(), days(month, studio, slots, visible));
    }

    private static List<CalendarDay> days(YearMonth month, ZoneId zone, List<Slot> slots, List<BookingView> visible) {
        Map<LocalDate, Integer> slotCounts = new HashMap<>();
        for (Slot slot : slots) {
            slotCounts.merge(LocalDate.ofInstant(slot.start(), zone), 1, Integer::sum);
        }
        Map<LocalDate, List<CalendarBooking>> byDate = new HashMap<>();
        for (BookingView b : visible) {
            byDate.computeIfAbsent(LocalDate.ofInstant(b.startTime(), zone), d -> new ArrayList<>())
                    .add(new CalendarBooking(b.id(), b.status(), b.startTime(), b.endTime(), b.instructorId(),
                            b.instructorName(), b.memberId(), b.memberName(), b.unread()));
        }
        List<CalendarDay> days = new ArrayList<>(month.lengthOfMonth());
        for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
            days.add(new CalendarDay(date, slotCounts.getOrDefault(date, 0), List.copyOf(byDate.getOrDefault(date, List.of()))));
        }
        return days;
    }
}

package studio.booking.api.slots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.security.CurrentMember;
import studio.booking.api.web.Input;
import studio.booking.api.web.Instructors;
import studio.booking.api.web.Messaging;
import studio.booking.api.web.Wire;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.slots.SlotQueries.CalendarBooking;
import studio.booking.messages.slots.SlotQueries.CalendarDay;
import studio.booking.messages.slots.SlotQueries.CalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.messages.slots.SlotQueries.GetCalendarMonth;
import studio.booking.messages.slots.SlotQueries.GetStudioCalendarMonth;
import studio.booking.messages.slots.SlotQueries.InstructorSummary;
import studio.booking.messages.slots.SlotQueries.SlotList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** API.md, Slots and calendar (rules S1–S3, B8). */
@RestController
@Tag(name = "Slots and calendar")
public class SlotsController {

    /** The longest range one slots request may cover. */
    static final long MAX_RANGE_DAYS = 61;

    public record SlotRow(String slotStart, String slotEnd) {
    }

    public record SlotsResponse(List<SlotRow> slots) {
    }

    public record InstructorRow(String id, String displayName, String avatarUrl, String timeZone) {
    }

    /** Not BookingRow: the OpenAPI document names schemas by simple name, and the bookings' one has more fields. */
    public record CalendarBookingRow(String id, String status, String startTime, String endTime, String instructorId,
                                     String instructorName, String memberId, String memberName, boolean unread) {
    }

    public record DayRow(String date, int availableSlots, List<CalendarBookingRow> bookings) {
    }

    public record CalendarResponse(InstructorRow instructor, String timeZone, List<DayRow> days) {
    }

    private final Messaging messaging;
    private final Instructors instructors;
    private final Clock clock;
    private final ZoneId studioZone;

    public SlotsController(Messaging messaging, Instructors instructors, Clock clock,
                           studio.booking.messages.common.BookingSettings settings) {
        this.messaging = messaging;
        this.instructors = instructors;
        this.clock = clock;
        this.studioZone = settings.studioTimeZone();
    }

    @GetMapping("/api/slots/{instructorId}")
    @Operation(summary = "Slots still offered, start dates in [start, end] (inclusive, instructor's zone, at most 61 days)")
    public SlotsResponse slots(@PathVariable UUID instructorId,
                               // required, but checked by Input, so that one 400 lists every missing one
                               @Parameter(description = "YYYY-MM-DD", required = true) @RequestParam(required = false) String start,
                               @Parameter(description = "YYYY-MM-DD", required = true) @RequestParam(required = false) String end,
                               @Parameter(description = "minutes: only slots of exactly this length")
                               @RequestParam(required = false) String duration) {
        Input input = new Input();
        LocalDate from = input.date("start", start, true);
        LocalDate to = input.date("end", end, true);
        Integer minutes = input.integer("duration", duration, false, 1, 24 * 60);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                input.problem("end", "must not be before start");
            } else if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
                input.problem("end", "must be at most " + MAX_RANGE_DAYS + " days after start");
            }
        }
        input.validate();
        instructors.require(instructorId);
        SlotList list = messaging.ask(new GetAvailableSlots(instructorId, from, to, minutes), SlotList.class);
        return new SlotsResponse(list.slots().stream()
                .map(s -> new SlotRow(Wire.instant(s.start()), Wire.instant(s.end()))).toList());
    }

    @GetMapping("/api/calendar/all")
    @Operation(summary = "Every instructor's month at once, dates in the studio's zone (staff)")
    public CalendarResponse studioCalendar(@Parameter(hidden = true) CurrentMember viewer,
                                           @Parameter(description = "YYYY-MM (default: this month)")
                                           @RequestParam(required = false) String month) {
        if (!viewer.isStaff()) {
            throw RuleViolation.forbidden("Only staff see the studio calendar");
        }
        Input input = new Input();
        YearMonth ym = month(input, month, studioZone);
        input.validate();
        return calendar(messaging.ask(new GetStudioCalendarMonth(viewer.actor(), ym), CalendarMonth.class));
    }

    @GetMapping("/api/calendar/{instructorId}")
    @Operation(summary = "One instructor's month: available slots per date and the bookings the caller may see")
    public CalendarResponse calendar(@Parameter(hidden = true) CurrentMember viewer, @PathVariable UUID instructorId,
                                     @Parameter(description = "YYYY-MM (default: this month)")
                                     @RequestParam(required = false) String month,
                                     @Parameter(description = "minutes: count only slots of this length")
                                     @RequestParam(required = false) String duration) {
        Input input = new Input();
        Integer minutes = input.integer("duration", duration, false, 1, 24 * 60);
        MemberView instructor = null;
        YearMonth ym;
        if (month == null || month.isBlank()) {
            input.validate();
            instructor = instructors.require(instructorId);
            ym = YearMonth.now(clock.withZone(ZoneId.of(instructor.timeZone())));
        } else {
            ym = input.month("month", month, true);
            input.validate();
            instructors.require(instructorId);
        }
        return calendar(messaging.ask(new GetCalendarMonth(viewer.actor(), instructorId, ym, minutes),
                CalendarMonth.class));
    }

    private YearMonth month(Input input, String month, ZoneId zone) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(zone));
        }
        return input.month("month", month, true);
    }

    private static CalendarResponse calendar(CalendarMonth month) {
        InstructorSummary i = month.instructor();
        InstructorRow instructor = i == null ? null
                : new InstructorRow(i.id().toString(), i.displayName(), i.avatarUrl(), i.timeZone());
        return new CalendarResponse(instructor, month.timeZone(), month.days().stream()
                .map(SlotsController::day).toList());
    }

    private static DayRow day(CalendarDay day) {
        return new DayRow(day.date().toString(), day.availableSlots(),
                day.bookings().stream().map(SlotsController::booking).toList());
    }

    private static CalendarBookingRow booking(CalendarBooking b) {
        return new CalendarBookingRow(b.id().toString(), b.status().wire(), Wire.instant(b.startTime()),
                Wire.instant(b.endTime()), b.instructorId().toString(), b.instructorName(),
                b.memberId() == null ? null : b.memberId().toString(), b.memberName(), b.unread());
    }

}

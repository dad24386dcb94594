package studio.booking.api.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.availability.AvailabilityDtos.AvailabilityResponse;
import studio.booking.api.availability.AvailabilityDtos.ChangeResponse;
import studio.booking.api.availability.AvailabilityDtos.OverrideCreated;
import studio.booking.api.availability.AvailabilityDtos.OverrideRequest;
import studio.booking.api.availability.AvailabilityDtos.OverrideRow;
import studio.booking.api.availability.AvailabilityDtos.WindowCreated;
import studio.booking.api.availability.AvailabilityDtos.WindowRequest;
import studio.booking.api.availability.AvailabilityDtos.WindowRow;
import studio.booking.api.web.Input;
import studio.booking.api.web.Instructors;
import studio.booking.api.web.Messaging;
import studio.booking.messages.availability.AddAvailabilityOverride;
import studio.booking.messages.availability.AddWeeklyWindow;
import studio.booking.messages.availability.AvailabilityChangeResult;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.AvailabilityQueries.FindOverrideOwner;
import studio.booking.messages.availability.AvailabilityQueries.FindWindowOwner;
import studio.booking.messages.availability.AvailabilityQueries.GetAvailability;
import studio.booking.messages.availability.AvailabilityQueries.InstructorAvailability;
import studio.booking.messages.availability.RemoveAvailabilityOverride;
import studio.booking.messages.availability.RemoveWeeklyWindow;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.MemberView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** API.md, Availability (rules A1–A4; who may change it is the command side's decision). */
@RestController
@Tag(name = "Availability")
public class AvailabilityController {

    private static final int MAX_REASON = 500;

    private final Messaging messaging;
    private final Instructors instructors;
    private final Clock clock;

    public AvailabilityController(Messaging messaging, Instructors instructors, Clock clock) {
        this.messaging = messaging;
        this.instructors = instructors;
        this.clock = clock;
    }

    @GetMapping("/api/availability/{instructorId}")
    @Operation(summary = "An instructor's weekly windows and date overrides")
    public AvailabilityResponse availability(@PathVariable UUID instructorId) {
        instructors.require(instructorId);
        InstructorAvailability a = messaging.ask(new GetAvailability(instructorId), InstructorAvailability.class);
        return new AvailabilityResponse(
                a.weekly().stream().map(w -> WindowRow.of(instructorId, w)).toList(),
                a.overrides().stream().map(o -> OverrideRow.of(instructorId, o)).toList());
    }

    @PostMapping("/api/availability")
    @Operation(summary = "Add a weekly window (A1)", responses = {@ApiResponse(responseCode = "201"),
            @ApiResponse(responseCode = "403"), @ApiResponse(responseCode = "409", description = "overlap")})
    public ResponseEntity<WindowCreated> addWindow(@Parameter(hidden = true) Actor actor,
                                                   @RequestBody WindowRequest body) {
        Input input = new Input();
        UUID instructorId = input.uuid("instructor_id", body.instructorId(), true);
        Integer day = input.integer("day_of_week", body.dayOfWeek(), true, 0, 6);
        LocalTime start = input.time("start_time", body.startTime(), true);
        LocalTime end = input.time("end_time", body.endTime(), true);
        Integer duration = input.integer("slot_duration_minutes", body.slotDurationMinutes(), false,
                WeeklyWindow.MIN_SLOT_DURATION_MINUTES, WeeklyWindow.MAX_SLOT_DURATION_MINUTES);
        LocalDate from = input.date("effective_from", body.effectiveFrom(), false);
        LocalDate until = input.date("effective_until", body.effectiveUntil(), false);
        if (start != null && end != null && !start.isBefore(end)) {
            input.problem("end_time", "must be after start_time");
        }
        if (from != null && until != null && until.isBefore(from)) {
            input.problem("effective_until", "must not be before effective_from");
        }
        input.validate();
        MemberView instructor = instructors.require(instructorId);
        LocalDate effectiveFrom = from != null ? from : LocalDate.now(clock.withZone(ZoneId.of(instructor.timeZone())));
        if (until != null && until.isBefore(effectiveFrom)) {
            input.problem("effective_until", "must not be before effective_from (today by default)").validate();
        }
        WeeklyWindow window = new WeeklyWindow(UUID.randomUUID(), day, start, end,
                duration == null ? WeeklyWindow.DEFAULT_SLOT_DURATION_MINUTES : duration, effectiveFrom, until);
        Object answer = messaging.send(actor, new AddWeeklyWindow(instructorId, window));
        UUID windowId = answer instanceof UUID id ? id : window.windowId();
        WeeklyWindow stored = new WeeklyWindow(windowId, window.dayOfWeek(), window.startTime(), window.endTime(),
                window.slotDurationMinutes(), window.effectiveFrom(), window.effectiveUntil());
        return ResponseEntity.status(HttpStatus.CREATED).body(new WindowCreated(WindowRow.of(instructorId, stored)));
    }

    @DeleteMapping("/api/availability/{id}")
    @Operation(summary = "Remove a weekly window; declines the pending requests it orphans (A3)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403")})
    public ChangeResponse removeWindow(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        UUID instructorId = messaging.find(new FindWindowOwner(id), UUID.class)
                .orElseThrow(() -> RuleViolation.notFound("Availability window not found"));
        return change(messaging.send(actor, new RemoveWeeklyWindow(instructorId, id)));
    }

    @PostMapping("/api/availability/overrides")
    @Operation(summary = "Block a date (or part of one) or add extra hours (A2); declines orphaned requests (A3)",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "409", description = "overlapping extra hours")})
    public ResponseEntity<OverrideCreated> addOverride(@Parameter(hidden = true) Actor actor,
                                                       @RequestBody OverrideRequest body) {
        Input input = new Input();
        UUID instructorId = input.uuid("instructor_id", body.instructorId(), true);
        LocalDate date = input.date("override_date", body.overrideDate(), true);
        LocalTime start = input.time("start_time", body.startTime(), false);
        LocalTime end = input.time("end_time", body.endTime(), false);
        Boolean available = input.bool("is_available", body.isAvailable(), true);
        String reason = input.text("reason", body.reason(), false, MAX_REASON);
        Integer duration = input.integer("slot_duration_minutes", body.slotDurationMinutes(), false,
                WeeklyWindow.MIN_SLOT_DURATION_MINUTES, WeeklyWindow.MAX_SLOT_DURATION_MINUTES);
        boolean hasStart = body.startTime() != null && !body.startTime().isBlank();
        boolean hasEnd = body.endTime() != null && !body.endTime().isBlank();
        if (hasStart != hasEnd) {
            input.problem(hasStart ? "end_time" : "start_time", "is required with " + (hasStart ? "start_time" : "end_time"));
        }
        if (Boolean.TRUE.equals(available) && !hasStart && !hasEnd) {
            input.problem("start_time", "is required for extra hours").problem("end_time", "is required for extra hours");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            input.problem("end_time", "must be after start_time");
        }
        input.validate();
        instructors.require(instructorId);
        // a slot length belongs to extra hours; a block has none, whatever the body says
        Integer slotDuration = !available ? null
                : duration == null ? WeeklyWindow.DEFAULT_SLOT_DURATION_MINUTES : duration;
        AvailabilityOverride override = new AvailabilityOverride(UUID.randomUUID(), date, start, end, available,
                reason, slotDuration);
        AvailabilityChangeResult result = messaging.send(actor, new AddAvailabilityOverride(instructorId, override));
        ChangeResponse change = change(result);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new OverrideCreated(OverrideRow.of(instructorId, override), change.declined(), change.conflicts()));
    }

    @DeleteMapping("/api/availability/overrides/{id}")
    @Operation(summary = "Remove an override; removing extra hours declines the requests it orphans (A3)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403")})
    public ChangeResponse removeOverride(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        UUID instructorId = messaging.find(new FindOverrideOwner(id), UUID.class)
                .orElseThrow(() -> RuleViolation.notFound("Availability override not found"));
        return change(messaging.send(actor, new RemoveAvailabilityOverride(instructorId, id)));
    }

    private static ChangeResponse change(AvailabilityChangeResult result) {
        if (result == null) {
            return new ChangeResponse(true, List.of(), List.of());
        }
        return new ChangeResponse(true, result.declined() == null ? List.of() : result.declined(),
                result.conflicts() == null ? List.of() : result.conflicts());
    }
}

package studio.booking.api.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.booking.BookingDtos.BookingData;
import studio.booking.api.booking.BookingDtos.BookingListResponse;
import studio.booking.api.booking.BookingDtos.BookingRequest;
import studio.booking.api.booking.BookingDtos.BookingRow;
import studio.booking.api.booking.BookingDtos.Confirmed;
import studio.booking.api.booking.BookingDtos.Done;
import studio.booking.api.booking.BookingDtos.ReasonRequest;
import studio.booking.api.booking.BookingDtos.Requested;
import studio.booking.api.web.Input;
import studio.booking.api.web.Messaging;
import studio.booking.messages.booking.BookingQueries.BookingList;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingQueries.FindBookings;
import studio.booking.messages.booking.BookingRequestResult;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.booking.CancelBooking;
import studio.booking.messages.booking.CompleteBooking;
import studio.booking.messages.booking.ConfirmBooking;
import studio.booking.messages.booking.ConfirmationResult;
import studio.booking.messages.booking.DeclineBooking;
import studio.booking.messages.booking.MarkNoShow;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API.md, Bookings (rules B1–B8). */
@RestController
@Tag(name = "Bookings")
public class BookingController {

    private static final int MAX_REASON = 2000;
    static final String NOT_FOUND = "Booking not found";

    private final Messaging messaging;

    public BookingController(Messaging messaging) {
        this.messaging = messaging;
    }

    @PostMapping("/api/bookings")
    @Operation(summary = "Request a lesson in an available slot (B1)", responses = {
            @ApiResponse(responseCode = "201", description = "created"),
            @ApiResponse(responseCode = "200", description = "the same pending request existed (double click)"),
            @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "403"),
            @ApiResponse(responseCode = "404", description = "no such instructor"),
            @ApiResponse(responseCode = "409")})
    public ResponseEntity<Requested> request(@Parameter(hidden = true) Actor actor, @RequestBody BookingRequest body) {
        Input input = new Input();
        UUID instructorId = input.uuid("instructor_id", body.instructorId(), true);
        Instant start = input.instant("start_time", body.startTime(), true);
        Instant end = input.instant("end_time", body.endTime(), true);
        String notes = input.text("notes", body.notes(), false, RequestBooking.MAX_NOTES_LENGTH);
        UUID memberId = input.uuid("member_id", body.memberId(), false);
        if (start != null && end != null && !end.isAfter(start)) {
            input.problem("end_time", "must be after start_time");
        }
        input.validate();
        if (memberId != null && !memberId.equals(actor.id()) && !actor.role().isStaff()) {
            throw RuleViolation.forbidden("Only staff may request a lesson for another member");
        }
        BookingRequestResult result = messaging.send(actor,
                new RequestBooking(UUID.randomUUID(), instructorId, memberId, start, end, notes));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Requested(true, result.bookingId()));
    }

    @PostMapping("/api/bookings/{id}/confirm")
    @Operation(summary = "Confirm a pending request; declines the overlapping ones (B2)", responses = {
            @ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "403", description = "Not authorized to confirm this booking"),
            @ApiResponse(responseCode = "409", description = "the slot is confirmed for another booking, or the booking is not pending")})
    public Confirmed confirm(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        ConfirmationResult result = messaging.send(actor, new ConfirmBooking(id));
        return new Confirmed(true, result == null || result.declined() == null ? List.of() : result.declined());
    }

    @PostMapping("/api/bookings/{id}/decline")
    @Operation(summary = "Decline a pending request (B3)", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "403", description = "Not authorized to decline this booking"),
            @ApiResponse(responseCode = "409", description = "Booking not found or not pending")})
    public Done decline(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                        @RequestBody(required = false) ReasonRequest body) {
        messaging.send(actor, new DeclineBooking(id, reason(body)));
        return new Done(true);
    }

    @PostMapping("/api/bookings/{id}/cancel")
    @Operation(summary = "Cancel a request or a lesson (B4: members not within 24 hours of a confirmed lesson)",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "403", description = "inside 24 hours of a confirmed lesson (members), or not theirs"),
                    @ApiResponse(responseCode = "409", description = "Booking not found or not cancellable")})
    public Done cancel(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                       @RequestBody(required = false) ReasonRequest body) {
        messaging.send(actor, new CancelBooking(id, reason(body)));
        return new Done(true);
    }

    @PostMapping("/api/bookings/{id}/complete")
    @Operation(summary = "Mark a started lesson completed (B7)", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "403", description = "not the lesson's instructor or the owner"),
            @ApiResponse(responseCode = "409", description = "not confirmed, or not started yet")})
    public Done complete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        messaging.send(actor, new CompleteBooking(id));
        return new Done(true);
    }

    @PostMapping("/api/bookings/{id}/no-show")
    @Operation(summary = "Mark a started lesson a no-show (B7)", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "403", description = "not the lesson's instructor or the owner"),
            @ApiResponse(responseCode = "409", description = "not confirmed, or not started yet")})
    public Done noShow(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        messaging.send(actor, new MarkNoShow(id));
        return new Done(true);
    }

    @GetMapping("/api/bookings")
    @Operation(summary = "Bookings sorted by start time; members get only their own (B8)")
    public BookingListResponse list(@Parameter(hidden = true) Actor actor,
                                    @RequestParam(name = "instructor_id", required = false) String instructorId,
                                    @RequestParam(name = "member_id", required = false) String memberId,
                                    @Parameter(description = "YYYY-MM-DD, inclusive, on the start time")
                                    @RequestParam(required = false) String start,
                                    @Parameter(description = "YYYY-MM-DD, inclusive, on the start time")
                                    @RequestParam(required = false) String end,
                                    @Parameter(description = "comma list, e.g. pending,confirmed")
                                    @RequestParam(required = false) String status) {
        Input input = new Input();
        UUID instructor = input.uuid("instructor_id", instructorId, false);
        UUID member = input.uuid("member_id", memberId, false);
        LocalDate from = input.date("start", start, false);
        LocalDate to = input.date("end", end, false);
        if (from != null && to != null && to.isBefore(from)) {
            input.problem("end", "must not be before start");
        }
        Set<BookingStatus> statuses = EnumSet.noneOf(BookingStatus.class);
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                BookingStatus.parse(s).ifPresentOrElse(statuses::add,
                        () -> input.problem("status", "unknown status '" + s.trim() + "'"));
            }
        }
        input.validate();
        BookingList list = messaging.ask(new FindBookings(actor, instructor, member, from, to, statuses),
                BookingList.class);
        return new BookingListResponse(list.bookings().stream().map(BookingRow::of).toList());
    }

    @GetMapping("/api/bookings/{id}")
    @Operation(summary = "One booking (404 when not visible to the caller)")
    public BookingData one(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        BookingView view = messaging.find(new FindBooking(actor, id), BookingView.class)
                .orElseThrow(() -> RuleViolation.notFound(NOT_FOUND));
        return new BookingData(BookingRow.of(view));
    }

    private static String reason(ReasonRequest body) {
        if (body == null) {
            return null;
        }
        Input input = new Input();
        String reason = input.text("reason", body.reason(), false, MAX_REASON);
        input.validate();
        return reason;
    }
}

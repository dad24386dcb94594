package studio.booking.api.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.web.Messaging;
import studio.booking.api.web.Wire;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.history.HistoryQueries.BookingHistory;
import studio.booking.messages.history.HistoryQueries.FindBookingHistory;
import studio.booking.messages.history.HistoryQueries.HistoryEntry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API.md, Bookings: {@code GET /api/bookings/:id/history} (R2), visible as the booking is (B8). */
@RestController
@Tag(name = "Bookings")
public class BookingHistoryController {

    public record HistoryResponse(List<HistoryEvent> events) {
    }

    /** One event; {@code actor_id} null and {@code actor_name} "System" when a deadline acted. */
    public record HistoryEvent(long sequence, String type, String occurredAt, String actorId, String actorName,
                               Map<String, Object> details) {

        static HistoryEvent of(HistoryEntry e) {
            return new HistoryEvent(e.sequence(), e.type(), Wire.instant(e.occurredAt()),
                    e.actorId() == null ? null : e.actorId().toString(), e.actorName(), e.details());
        }
    }

    private final Messaging messaging;

    public BookingHistoryController(Messaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping("/api/bookings/{id}/history")
    @Operation(summary = "Every event of a booking from the event store: what, when, by whom, why (R2)",
            description = "Types: booking_requested, booking_confirmed, booking_declined (details.cause: "
                    + "declined_by_staff, competing_booking_confirmed with caused_by = the confirmed booking, "
                    + "slot_no_longer_available with caused_by = the window or override), booking_expired, "
                    + "booking_cancelled, booking_completed (details.automatic), booking_marked_no_show, "
                    + "message_posted, thread_read. What a deadline did has actor_id null and actor_name \"System\".",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "no such booking, or not visible to the caller")})
    public HistoryResponse history(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        BookingHistory history = messaging.find(new FindBookingHistory(actor, id), BookingHistory.class)
                .orElseThrow(() -> RuleViolation.notFound("Booking not found"));
        return new HistoryResponse(history.events().stream().map(HistoryEvent::of).toList());
    }
}

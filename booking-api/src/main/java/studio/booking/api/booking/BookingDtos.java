package studio.booking.api.booking;

import studio.booking.api.web.Wire;
import studio.booking.messages.booking.BookingView;

import java.util.List;
import java.util.UUID;

/** Wire shapes of API.md, Bookings. */
public final class BookingDtos {

    private BookingDtos() {
    }

    public record BookingRequest(String instructorId, String startTime, String endTime, String notes,
                                 String memberId) {
    }

    public record ReasonRequest(String reason) {
    }

    public record Requested(boolean success, UUID bookingId) {
    }

    public record Confirmed(boolean success, List<UUID> declined) {
    }

    public record Done(boolean success) {
    }

    public record BookingRow(String id, String instructorId, String instructorName, String memberId,
                             String memberName, String startTime, String endTime, String status, String notes,
                             String cancelledAt, String cancelledBy, String cancellationReason, String createdAt,
                             String updatedAt, boolean unread) {

        public static BookingRow of(BookingView b) {
            return new BookingRow(b.id().toString(), b.instructorId().toString(), b.instructorName(),
                    b.memberId().toString(), b.memberName(), Wire.instant(b.startTime()), Wire.instant(b.endTime()),
                    b.status().wire(), b.notes(), Wire.instant(b.cancelledAt()),
                    b.cancelledBy() == null ? null : b.cancelledBy().toString(), b.cancellationReason(),
                    Wire.instant(b.createdAt()), Wire.instant(b.updatedAt()), b.unread());
        }
    }

    public record BookingData(BookingRow data) {
    }

    public record BookingListResponse(List<BookingRow> data) {
    }
}

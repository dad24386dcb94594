package studio.booking.query.booking;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.booking.BookingQueries.BookingList;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingQueries.FindBookings;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.member.MemberView;
import studio.booking.query.member.MemberReads;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Answers the booking queries with B8 applied for the viewer. */
@Component
public class BookingQueryHandler {

    private final BookingReads bookings;
    private final MemberReads members;

    public BookingQueryHandler(BookingReads bookings, MemberReads members) {
        this.bookings = bookings;
        this.members = members;
    }

    /**
     * Dates are inclusive local dates of the start time: in the instructor's zone when the query
     * names one, else in the studio's.
     */
    @QueryHandler
    public BookingList handle(FindBookings query) {
        ZoneId zone = query.instructorId() == null
                ? members.studioZone()
                : members.find(query.instructorId()).map(MemberView::timeZone).map(ZoneId::of)
                        .orElse(members.studioZone());
        Instant from = query.start() == null ? null : query.start().atStartOfDay(zone).toInstant();
        Instant until = query.end() == null ? null : query.end().plusDays(1).atStartOfDay(zone).toInstant();
        List<BookingView> found = bookings.find(query.viewer(),
                query.instructorId() == null ? null : Set.of(query.instructorId()), query.memberId(), from, until,
                query.statuses());
        return new BookingList(found);
    }

    @QueryHandler
    public Optional<BookingView> handle(FindBooking query) {
        return bookings.find(query.bookingId(), query.viewer() == null ? null : query.viewer().id())
                .filter(b -> BookingReads.maySee(query.viewer(), b));
    }
}

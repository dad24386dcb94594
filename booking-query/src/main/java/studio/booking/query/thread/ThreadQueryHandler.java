package studio.booking.query.thread;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.common.Actor;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.ThreadQueries.FindMessage;
import studio.booking.messages.thread.ThreadQueries.FindThread;
import studio.booking.messages.thread.ThreadQueries.ListUnreadThreads;
import studio.booking.messages.thread.ThreadQueries.MessageList;
import studio.booking.messages.thread.ThreadQueries.UnreadList;
import studio.booking.query.booking.BookingReads;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers the thread queries: a thread is visible with its booking (B8); unread state is per reader (M2). */
@Component
public class ThreadQueryHandler {

    private final ThreadReads threads;
    private final BookingReads bookings;

    public ThreadQueryHandler(ThreadReads threads, BookingReads bookings) {
        this.threads = threads;
        this.bookings = bookings;
    }

    @QueryHandler
    public Optional<MessageList> handle(FindThread query) {
        if (!maySeeBooking(query.viewer(), query.bookingId())) {
            return Optional.empty();
        }
        return Optional.of(new MessageList(threads.messages(query.bookingId())));
    }

    @QueryHandler
    public Optional<MessageView> handle(FindMessage query) {
        return threads.message(query.messageId()).filter(m -> maySeeBooking(query.viewer(), m.bookingId()));
    }

    @QueryHandler
    public UnreadList handle(ListUnreadThreads query) {
        return new UnreadList(query.viewer() == null ? List.of() : threads.unread(query.viewer()));
    }

    private boolean maySeeBooking(Actor viewer, UUID bookingId) {
        return viewer != null && bookings.find(bookingId, null).filter(b -> BookingReads.maySee(viewer, b)).isPresent();
    }
}

package studio.booking.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.common.Actor;
import studio.booking.messages.history.HistoryQueries.BookingHistory;
import studio.booking.messages.history.HistoryQueries.FindBookingHistory;
import studio.booking.messages.history.HistoryQueries.HistoryEntry;
import studio.booking.messages.member.MemberView;
import studio.booking.query.member.MemberReads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R2: a booking's history is its aggregate's event stream (the {@code Booking} aggregate's identifier
 * is the booking id), read from the event store on request — no projection: the store is already the
 * complete, ordered record, and a history is read rarely and is short.
 *
 * <p>Who acted comes from the events' metadata (copied from the command by the actor correlation
 * provider): id and, since it is recorded, the display name at the time; for older events the
 * member's current name. What deadlines do carries no actor: "System". Visibility (B8) is decided from
 * the stream itself (its first event names the booking's member), so it holds during a replay too,
 * and an id that is not a booking's (a member's, say) is simply not found.
 */
@Component
public class BookingHistoryQueryHandler {

    private final EventStore eventStore;
    private final MemberReads members;

    public BookingHistoryQueryHandler(EventStore eventStore, MemberReads members) {
        this.eventStore = eventStore;
        this.members = members;
    }

    @QueryHandler
    public Optional<BookingHistory> handle(FindBookingHistory query) {
        if (query.viewer() == null || query.bookingId() == null) {
            return Optional.empty();
        }
        // from sequence 0: every event, never a snapshot in their place
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(query.bookingId().toString(), 0)
                .asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof BookingRequested requested)) {
            return Optional.empty();
        }
        if (!query.viewer().role().isStaff() && !query.viewer().id().equals(requested.memberId())) {
            return Optional.empty();
        }
        Map<UUID, Optional<String>> currentNames = new HashMap<>();
        List<HistoryEntry> entries = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            HistoryEvents.Described described = HistoryEvents.describe(event.getPayload());
            UUID actorId = actorId(event.getMetaData());
            String actorName = actorId == null ? HistoryEntry.SYSTEM
                    : recordedName(event.getMetaData()).orElseGet(() -> currentNames
                            .computeIfAbsent(actorId, id -> members.find(id).map(MemberView::displayName))
                            .orElse(null));
            entries.add(new HistoryEntry(event.getSequenceNumber(), described.type(), event.getTimestamp(), actorId,
                    actorName, described.details()));
        }
        return Optional.of(new BookingHistory(query.bookingId(), entries));
    }

    private static UUID actorId(MetaData metaData) {
        Object id = metaData.get(Actor.ID_KEY);
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<String> recordedName(MetaData metaData) {
        Object name = metaData.get(Actor.NAME_KEY);
        return name == null || name.toString().isBlank() ? Optional.empty() : Optional.of(name.toString());
    }
}

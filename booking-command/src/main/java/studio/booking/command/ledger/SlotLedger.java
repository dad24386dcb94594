package studio.booking.command.ledger;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.ledger.SlotReleased;
import studio.booking.messages.ledger.SlotReserved;
import studio.booking.messages.slots.Slot;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The intervals of one instructor's confirmed, upcoming bookings: the single place that decides
 * whether an interval may be confirmed (B2). Loaded before any booking (one lock order);
 * snapshotted, and pruned of past intervals so its state stays small.
 */
@Aggregate(snapshotTriggerDefinition = "slotLedgerSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // snapshots serialise the fields
public class SlotLedger {

    /** Not the bare instructor id: Axon keys event streams by identifier alone, and the Member has that one. */
    @AggregateIdentifier
    private String ledgerId;
    private UUID instructorId;
    private Map<UUID, Interval> reserved = new HashMap<>();

    public SlotLedger() {
    }

    /** The aggregate identifier of an instructor's ledger. */
    public static String idOf(UUID instructorId) {
        return "ledger:" + instructorId;
    }

    record Interval(Instant start, Instant end) {
    }

    /** B2: grants the interval to a booking, unless it overlaps another booking's. */
    public void reserve(UUID instructorId, UUID bookingId, Instant start, Instant end) {
        if (reserved.containsKey(bookingId)) {
            return;
        }
        Slot wanted = new Slot(start, end);
        boolean taken = reserved.entrySet().stream()
                .anyMatch(e -> wanted.overlaps(new Slot(e.getValue().start(), e.getValue().end())));
        if (taken) {
            throw RuleViolation.conflict("Time slot already confirmed for another booking");
        }
        apply(new SlotReserved(instructorId, bookingId, start, end));
    }

    /** Frees a cancelled confirmed booking's interval; nothing to do when it is not held. */
    public void release(UUID bookingId) {
        if (reserved.containsKey(bookingId)) {
            apply(new SlotReleased(instructorId, bookingId));
        }
    }

    public boolean holds(UUID bookingId) {
        return reserved.containsKey(bookingId);
    }

    public int size() {
        return reserved.size();
    }

    /** The granted intervals by booking (a copy). */
    Map<UUID, Slot> intervals() {
        Map<UUID, Slot> copy = new HashMap<>();
        reserved.forEach((id, i) -> copy.put(id, new Slot(i.start(), i.end())));
        return copy;
    }

    @EventSourcingHandler
    void on(SlotReserved e, @Timestamp Instant at) {
        ledgerId = idOf(e.instructorId());
        instructorId = e.instructorId();
        // pruned by the event's own time, so a replay yields exactly the same state
        reserved.values().removeIf(i -> i.end().isBefore(at));
        reserved.put(e.bookingId(), new Interval(e.startTime(), e.endTime()));
    }

    @EventSourcingHandler
    void on(SlotReleased e) {
        reserved.remove(e.bookingId());
    }
}

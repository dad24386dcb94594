package studio.booking.api.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@code capacity} stored events this node has streamed, in the order it streamed them
 * (which is not always global-index order: a transaction that took a lower index may commit later),
 * with what each meant for the stream. A reconnecting client names the last id it saw; it gets what
 * came after that id here. Not thread-safe: the {@link StreamHub} guards it.
 */
final class StreamHistory {

    private record Entry(long globalIndex, List<StreamEvent> events) {
    }

    private final Entry[] ring;
    private final Map<Long, Long> sequenceByIndex = new HashMap<>();
    private final long origin;
    private long next;

    /** @param origin the global index of the event store's head when this node started streaming */
    StreamHistory(int capacity, long origin) {
        this.ring = new Entry[capacity];
        this.origin = origin;
    }

    void append(long globalIndex, List<StreamEvent> events) {
        int slot = (int) (next % ring.length);
        if (ring[slot] != null) {
            sequenceByIndex.remove(ring[slot].globalIndex());
        }
        ring[slot] = new Entry(globalIndex, List.copyOf(events));
        sequenceByIndex.put(globalIndex, next);
        next++;
    }

    /** Where a client stands once it has everything streamed so far. */
    EventId position() {
        return next == 0 ? EventId.position(origin) : EventId.position(ring[(int) ((next - 1) % ring.length)].globalIndex());
    }

    /**
     * What was streamed after {@code id}, oldest first; empty when this node does not know the id: too
     * old (evicted), from before this node started, from another node it has not seen yet, or made up.
     */
    Optional<List<StreamEvent>> after(EventId id) {
        long oldest = Math.max(0, next - ring.length);
        long from;
        Long sequence = sequenceByIndex.get(id.globalIndex());
        if (sequence != null) {
            from = sequence;
        } else if (id.globalIndex() == origin && id.ordinal() == EventId.WHOLE && oldest == 0) {
            from = -1;
        } else {
            return Optional.empty();
        }
        List<StreamEvent> missed = new ArrayList<>();
        if (from >= 0) {
            List<StreamEvent> partly = ring[(int) (from % ring.length)].events();
            for (int n = id.ordinal() == EventId.WHOLE ? partly.size() : id.ordinal() + 1; n < partly.size(); n++) {
                missed.add(partly.get(n));
            }
        }
        for (long s = from + 1; s < next; s++) {
            missed.addAll(ring[(int) (s % ring.length)].events());
        }
        return Optional.of(missed);
    }
}

package studio.booking.api.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The last {@code capacity} stored events this node has streamed, in the order it streamed them
 * (which is not always global-index order: a transaction that took a lower index may commit later),
 * with what each meant for the stream. A reconnecting client names the last id it saw; it gets what
 * came after that id here. An event that came while nobody was connected is kept unmapped
 * ({@link #defer}) and mapped when a reconnect first asks for it. Not thread-safe: the
 * {@link StreamHub} guards it.
 */
final class StreamHistory {

    /** What one stored event means for the stream, mapped when first asked for (at most once). */
    static final class Events {

        private Supplier<List<StreamEvent>> mapping;
        private List<StreamEvent> events;

        private Events(List<StreamEvent> events, Supplier<List<StreamEvent>> mapping) {
            this.events = events;
            this.mapping = mapping;
        }

        synchronized boolean mapped() {
            return events != null;
        }

        synchronized List<StreamEvent> get() {
            if (events == null) {
                events = List.copyOf(mapping.get());
                mapping = null; // the stored event it held can go
            }
            return events;
        }
    }

    private record Entry(long globalIndex, Events events) {
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
        add(globalIndex, new Events(List.copyOf(events), null));
    }

    /** Remembers a stored event whose meaning is worked out only if a reconnecting client asks for it. */
    void defer(long globalIndex, Supplier<List<StreamEvent>> mapping) {
        add(globalIndex, new Events(null, mapping));
    }

    private void add(long globalIndex, Events events) {
        int slot = (int) (next % ring.length);
        if (ring[slot] != null) {
            sequenceByIndex.remove(ring[slot].globalIndex());
        }
        ring[slot] = new Entry(globalIndex, events);
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
     * Maps what was deferred: call {@link #unmappedAfter} first to do that outside the hub's lock.
     */
    Optional<List<StreamEvent>> after(EventId id) {
        OptionalLong start = sequenceOf(id);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        long from = start.getAsLong();
        List<StreamEvent> missed = new ArrayList<>();
        if (from >= 0) {
            List<StreamEvent> partly = ring[(int) (from % ring.length)].events().get();
            for (int n = id.ordinal() == EventId.WHOLE ? partly.size() : id.ordinal() + 1; n < partly.size(); n++) {
                missed.add(partly.get(n));
            }
        }
        for (long s = from + 1; s < next; s++) {
            missed.addAll(ring[(int) (s % ring.length)].events().get());
        }
        return Optional.of(missed);
    }

    /** The deferred events {@link #after} would map for {@code id}. */
    List<Events> unmappedAfter(EventId id) {
        OptionalLong start = sequenceOf(id);
        List<Events> unmapped = new ArrayList<>();
        for (long s = Math.max(0, start.orElse(next)); s < next; s++) {
            Events events = ring[(int) (s % ring.length)].events();
            if (!events.mapped()) {
                unmapped.add(events);
            }
        }
        return unmapped;
    }

    /** The sequence number of the entry {@code id} points into; -1 for the start position; empty if unknown. */
    private OptionalLong sequenceOf(EventId id) {
        Long sequence = sequenceByIndex.get(id.globalIndex());
        if (sequence != null) {
            return OptionalLong.of(sequence);
        }
        long oldest = Math.max(0, next - ring.length);
        if (id.globalIndex() == origin && id.ordinal() == EventId.WHOLE && oldest == 0) {
            return OptionalLong.of(-1);
        }
        return OptionalLong.empty();
    }
}

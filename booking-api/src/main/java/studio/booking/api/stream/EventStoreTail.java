package studio.booking.api.stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Feeds the live stream: one daemon thread per node reading the event store's own stream from the head
 * it finds at start (never replayed: it has no token to reset). The embedded event store wakes its readers
 * right after a local commit, so an event reaches this thread milliseconds after the command's
 * transaction committed; events committed by other nodes arrive on the store's periodic fetch.
 * <p>
 * Not a tracking or pooled event processor: those keep a token in {@code token_entry} (a write per event),
 * share their segments between nodes (each node needs every event for its own clients) and, pooled, poll
 * an idle stream every 500 ms. Events that wait (commits came faster than they were mapped) are mapped
 * side by side on {@code booking.stream.mapper-threads} and published in order. A mapping failure is
 * logged and answered with a resync; a lost event store connection is reopened from the last event seen.
 * <p>
 * Starts after Axon ({@code SpringAxonConfiguration}, phase {@code DEFAULT_PHASE - 3072}) and before the
 * web server ({@code DEFAULT_PHASE - 2048}), so no client connects before the head is known.
 */
@Component
class EventStoreTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStoreTail.class);
    private static final long RETRY_MILLIS = 1000;
    private static final int MAX_BATCH = 64;
    private static final int NEXT_EVENT_WAIT_MILLIS = 10;
    /** How far below the head a transaction may still be committing when the tail starts (other nodes'). */
    static final int RECENT_INDEXES = 256;

    private record Stored(long globalIndex, TrackedEventMessage<?> event) {
    }

    private final EventStore eventStore;
    private final EventSchema schema;
    private final JdbcClient jdbc;
    private final StreamEvents streamEvents;
    private final StreamHub hub;
    private final int mapperThreads;
    private volatile boolean running;
    private Thread thread;
    private ExecutorService mappers;

    EventStoreTail(EventStore eventStore, EventSchema schema, JdbcClient jdbc, StreamEvents streamEvents, StreamHub hub,
                   StreamProperties properties) {
        this.eventStore = eventStore;
        this.schema = schema;
        this.jdbc = jdbc;
        this.streamEvents = streamEvents;
        this.hub = hub;
        this.mapperThreads = properties.mapperThreads();
    }

    @Override
    public synchronized void start() {
        TrackingToken head = withRecentGaps(eventStore.createHeadToken());
        hub.begin(head == null ? 0 : Math.max(0, head.position().orElse(0)));
        running = true;
        AtomicInteger count = new AtomicInteger();
        mappers = Executors.newFixedThreadPool(mapperThreads, runnable -> {
            Thread mapper = new Thread(runnable, "stream-mapper-" + count.incrementAndGet());
            mapper.setDaemon(true);
            return mapper;
        });
        thread = new Thread(() -> follow(head), "stream-event-store-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (mappers != null) {
            mappers.shutdownNow();
            mappers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2560;
    }

    /**
     * The head as a token that still expects the indexes just below it that hold no event yet: on
     * several nodes, a transaction of another node may have taken such an index and commit after this
     * tail started. Axon's head token expects none, so that event would never be streamed here. Indexes
     * that never fill (rolled back) are dropped by the event store's own gap cleaning.
     */
    private TrackingToken withRecentGaps(TrackingToken head) {
        if (!(head instanceof GapAwareTrackingToken gapAware)) {
            return head; // an empty store, or another event store (Axon Server's tokens have no gaps)
        }
        long index = gapAware.getIndex();
        long lowest = Math.max(1, index - RECENT_INDEXES); // the store numbers its events from 1
        List<Long> present = jdbc.sql("SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable()
                        + " WHERE " + schema.globalIndexColumn() + " >= :lowest AND " + schema.globalIndexColumn()
                        + " < :index")
                .param("lowest", lowest).param("index", index)
                .query(Long.class).list();
        return GapAwareTrackingToken.newInstance(index, gapsBelow(index, lowest, present));
    }

    /** The indexes from {@code lowest} up to (not including) {@code index} that are not {@code present}. */
    static SortedSet<Long> gapsBelow(long index, long lowest, Collection<Long> present) {
        SortedSet<Long> gaps = new TreeSet<>();
        for (long i = lowest; i < index; i++) {
            gaps.add(i);
        }
        gaps.removeAll(present);
        return gaps;
    }

    private void follow(TrackingToken from) {
        TrackingToken resumeFrom = from;
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(resumeFrom)) {
                TrackingToken previous = resumeFrom;
                while (running) {
                    // a short wait, not a long one: the embedded store checks for a new event before it
                    // waits for the signal of one, so a signal sent in between is missed and the event
                    // would wait for the next signal (the next commit, or the end of this wait)
                    if (!events.hasNextAvailable(NEXT_EVENT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        continue; // no news: look at running again
                    }
                    // usually one event; when commits came faster than they were mapped, all that wait
                    List<Stored> batch = new ArrayList<>();
                    try {
                        do {
                            TrackedEventMessage<?> event = events.nextAvailable();
                            batch.add(new Stored(globalIndexOf(previous, event.trackingToken()), event));
                            previous = event.trackingToken();
                        } while (batch.size() < MAX_BATCH && events.hasNextAvailable());
                    } finally {
                        if (!batch.isEmpty()) { // what was read is published, even if the stream failed after it
                            publish(batch);
                            resumeFrom = batch.get(batch.size() - 1).event().trackingToken();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The live stream lost the event store; reading again from {} in {} ms", resumeFrom, RETRY_MILLIS, e);
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Maps the events (a batch of several side by side: mapping waits on the database, and a backlog
     * would otherwise grow under load), then publishes them in the order they were read. While no
     * stream is open, events are only remembered: mapping reads views (two queries for a booking), a
     * cost that would otherwise fall on every command of a node nobody watches.
     */
    private void publish(List<Stored> read) {
        int deferred = 0;
        while (deferred < read.size() && hub.defer(read.get(deferred).globalIndex(), mappingOf(read.get(deferred)))) {
            deferred++; // nobody is streaming: mapped only if a reconnect asks for it
        }
        List<Stored> batch = read.subList(deferred, read.size());
        List<CompletableFuture<StreamEvents.Mapped>> mapped = new ArrayList<>(batch.size());
        for (Stored stored : batch) {
            mapped.add(batch.size() == 1 ? CompletableFuture.completedFuture(map(stored))
                    : CompletableFuture.supplyAsync(() -> map(stored), mappers));
        }
        for (int i = 0; i < batch.size(); i++) {
            long globalIndex = batch.get(i).globalIndex();
            try {
                hub.publish(globalIndex, mapped.get(i).join());
            } catch (RuntimeException e) {
                log.error("Could not publish event {} to the open streams", globalIndex, e);
            }
        }
    }

    private Supplier<List<StreamEvent>> mappingOf(Stored stored) {
        return () -> map(stored).events();
    }

    private StreamEvents.Mapped map(Stored stored) {
        try {
            return streamEvents.map(stored.globalIndex(), stored.event());
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Could not stream event {} ({}): clients are told to resync", stored.globalIndex(),
                        stored.event().getPayloadType().getSimpleName(), e);
            }
            return streamEvents.unmappable(stored.globalIndex());
        }
    }

    /**
     * The event's own global index. A gap-aware token keeps the highest index seen: when a transaction
     * that took a lower index commits later, its event fills a gap of the previous token and the index
     * stays; that event's index is the gap that went (the highest one: older gaps may be dropped with it).
     */
    static long globalIndexOf(TrackingToken previous, TrackingToken current) {
        if (current instanceof GapAwareTrackingToken now && previous instanceof GapAwareTrackingToken before
                && now.getIndex() <= before.getIndex()) {
            SortedSet<Long> filled = new TreeSet<>(before.getGaps());
            filled.removeAll(now.getGaps());
            if (!filled.isEmpty()) {
                return filled.last();
            }
        }
        return current.position().orElseThrow();
    }
}

package studio.booking.api.stream;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import studio.booking.query.replay.ProjectionsReplayed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * This node's open streams and what it streamed lately. Publishing an event, opening a stream (with its
 * catch-up) and ending streams happen under one lock, so a stream opening while an event is published
 * gets it exactly once: in its catch-up or live. Under the lock only queues are touched; writing is
 * the {@link SseConnection}s' business, on the shared writer threads.
 */
@Component
class StreamHub {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final StreamProperties properties;
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeats;
    private final Object lock = new Object();
    private final Set<SseConnection> connections = new LinkedHashSet<>();
    /** Dropped for falling behind, writing their resync: ended if they do not take it within a heartbeat. */
    private final Set<SseConnection> dropped = new LinkedHashSet<>();
    /** Streams between their request and their registration: events must be mapped for them already. */
    private final AtomicInteger opening = new AtomicInteger();
    private StreamHistory history;
    private boolean closed;

    StreamHub(StreamProperties properties) {
        this.properties = properties;
        this.writers = Executors.newFixedThreadPool(properties.writerThreads(), daemon("stream-writer"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("stream-heartbeat"));
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Called once the event store's head is known: {@code origin} is its global index. */
    void begin(long origin) {
        synchronized (lock) {
            history = new StreamHistory(properties.history(), origin);
        }
    }

    boolean isReady() {
        synchronized (lock) {
            return history != null;
        }
    }

    /**
     * Opens a stream: what the client missed since {@code lastEventId} (or a resync when that id is
     * unknown here, or more than its queue holds), then this node's position as the client's last
     * event id, then live events.
     *
     * @param stillCurrent asked once the stream is registered: whether the viewer is still as the request
     *                     read them. A role change or a deactivation stored between that read and the
     *                     registration ended none of their streams (this one was not there yet), so the
     *                     stream ends now; one stored later finds it registered and ends it.
     * @param endAfter     when the stream ends by itself (a bearer token's remaining validity), or null
     */
    void open(Viewer viewer, String sessionId, AsyncContext async, String lastEventId, BooleanSupplier stillCurrent,
              Duration endAfter) throws IOException {
        opening.incrementAndGet();
        SseConnection connection;
        try {
            connection = register(viewer, sessionId, async, lastEventId);
        } finally {
            opening.decrementAndGet();
        }
        if (connection == null) {
            return;
        }
        if (!isCurrent(stillCurrent)) {
            log.debug("Stream of {} ended as it opened: the member changed meanwhile", viewer.id());
            end(connection);
        } else if (endAfter != null) {
            heartbeats.schedule(() -> end(connection), Math.max(0, endAfter.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends one stream, unless it has ended already. */
    private void end(SseConnection connection) {
        synchronized (lock) {
            if (connections.remove(connection) | dropped.remove(connection)) {
                connection.end();
            }
        }
    }

    private static boolean isCurrent(BooleanSupplier stillCurrent) {
        try {
            return stillCurrent.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Could not tell whether a stream's viewer changed: ending it, the client reconnects", e);
            return false;
        }
    }

    /** @return the registered stream, or null when the hub is closing */
    private SseConnection register(Viewer viewer, String sessionId, AsyncContext async, String lastEventId)
            throws IOException {
        Optional<EventId> lastSeen = lastEventId == null || lastEventId.isBlank() ? Optional.empty()
                : EventId.parse(lastEventId);
        // what came while nobody was connected is mapped now, outside the lock (no new event is deferred
        // from here on: this stream counts as opening)
        lastSeen.ifPresent(id -> {
            List<StreamHistory.Events> unmapped;
            synchronized (lock) {
                unmapped = history.unmappedAfter(id);
            }
            unmapped.forEach(StreamHistory.Events::get);
        });
        ServletOutputStream out = async.getResponse().getOutputStream();
        SseConnection connection = new SseConnection(viewer, sessionId, async, out, writers,
                properties.clientQueue(), this::remove);
        async.addListener(connection);
        out.setWriteListener(connection); // from now on only non-blocking writes, by the connection's drains
        log.debug("Stream of {} opened (session {})", viewer.id(), sessionId);
        synchronized (lock) {
            if (closed) {
                connection.end();
                return null;
            }
            EventId position = history.position();
            if (lastEventId != null && !lastEventId.isBlank()) {
                Optional<List<byte[]>> missed = lastSeen.flatMap(history::after)
                        .map(events -> visible(events, connection.viewer()))
                        .filter(frames -> frames.size() < properties.clientQueue());
                if (missed.isPresent()) {
                    missed.get().forEach(connection::offer);
                    connection.offer(SseFrames.position(position));
                } else {
                    connection.offer(SseFrames.resync(position, "unknown_last_event_id"));
                }
            } else {
                connection.offer(SseFrames.position(position));
            }
            connections.add(connection);
        }
        return connection;
    }

    /** One stored event, as {@link StreamEvents} mapped it: remembered, sent to whoever may see it. */
    void publish(long globalIndex, StreamEvents.Mapped mapped) {
        synchronized (lock) {
            history.append(globalIndex, mapped.events());
            if (!mapped.events().isEmpty()) {
                byte[] resync = null;
                for (SseConnection connection : new ArrayList<>(connections)) {
                    for (StreamEvent event : mapped.events()) {
                        byte[] frame = event.frameFor(connection.viewer());
                        if (frame != null && !connection.offer(frame)) {
                            if (resync == null) {
                                resync = SseFrames.resync(EventId.position(globalIndex), "fell_behind");
                            }
                            drop(connection, resync, System.nanoTime());
                            break;
                        }
                    }
                }
            }
            for (UUID member : mapped.closeStreams()) {
                endWhere(c -> c.viewer().id().equals(member));
            }
        }
    }

    /**
     * Remembers a stored event without mapping it, if no stream is open or opening: mapping reads views,
     * a cost worth paying only for someone. A reconnect with a {@code Last-Event-ID} maps it then.
     *
     * @return false when someone is streaming: the event must be mapped and {@link #publish}ed
     */
    boolean defer(long globalIndex, Supplier<List<StreamEvent>> mapping) {
        synchronized (lock) {
            if (!connections.isEmpty() || opening.get() > 0) {
                return false;
            }
            history.defer(globalIndex, mapping);
            return true;
        }
    }

    /**
     * R3 with R1: a replay rebuilt the views every client shows from, and no stored event says what
     * changed: every stream of this node gets a resync and its client refetches.
     */
    @EventListener
    void on(ProjectionsReplayed replayed) {
        synchronized (lock) {
            byte[] resync = SseFrames.resync(history.position(), "projections_rebuilt");
            for (SseConnection connection : new ArrayList<>(connections)) {
                if (!connection.offer(resync)) {
                    drop(connection, resync, System.nanoTime());
                }
            }
        }
    }

    /** Sign-out (or an expired session): its streams end. */
    void endSession(String sessionId) {
        synchronized (lock) {
            endWhere(c -> sessionId.equals(c.sessionId()));
        }
    }

    /** The servlet container gave the session a new id (a sign-in on a session that had one). */
    void renameSession(String oldId, String newId) {
        synchronized (lock) {
            connections.stream().filter(c -> oldId.equals(c.sessionId())).forEach(c -> c.sessionId(newId));
        }
    }

    void remove(SseConnection connection) {
        synchronized (lock) {
            connections.remove(connection);
            dropped.remove(connection);
        }
    }

    /** This viewer's streams that have not ended yet (dropped ones included): for diagnostics and tests. */
    int openStreams(UUID viewerId) {
        synchronized (lock) {
            return (int) Stream.concat(connections.stream(), dropped.stream())
                    .filter(c -> c.viewer().id().equals(viewerId)).count();
        }
    }

    /**
     * The application is closing: end every stream first, or the web server's graceful shutdown would
     * wait for them.
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        synchronized (lock) {
            closed = true;
            endWhere(c -> true);
            dropped.forEach(SseConnection::end);
        }
    }

    @PreDestroy
    void shutDown() throws InterruptedException {
        heartbeats.shutdownNow();
        writers.shutdown();
        if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
    }

    private void drop(SseConnection connection, byte[] resync, long now) {
        connection.fallBehind(resync, now);
        connections.remove(connection);
        dropped.add(connection);
    }

    private void endWhere(Predicate<SseConnection> which) {
        for (SseConnection connection : new ArrayList<>(connections)) {
            if (which.test(connection)) {
                connection.end();
                connections.remove(connection);
            }
        }
    }

    private static List<byte[]> visible(List<StreamEvent> events, Viewer viewer) {
        List<byte[]> frames = new ArrayList<>();
        for (StreamEvent event : events) {
            byte[] frame = event.frameFor(viewer);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void heartbeat() {
        try {
            long now = System.nanoTime();
            long grace = properties.heartbeat().toNanos();
            synchronized (lock) {
                // dropped clients that did not even take their resync within a heartbeat
                for (SseConnection connection : dropped) {
                    if (now - connection.closingSince() > grace) {
                        connection.end();
                    }
                }
                for (SseConnection connection : new ArrayList<>(connections)) {
                    if (!connection.offer(SseFrames.HEARTBEAT)) {
                        drop(connection, SseFrames.resync(history.position(), "fell_behind"), now);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Stream heartbeat failed", e);
        }
    }
}

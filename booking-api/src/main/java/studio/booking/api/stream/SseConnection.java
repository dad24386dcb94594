package studio.booking.api.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One open stream. Frames wait in a bounded queue; a shared executor writes them with the servlet's
 * non-blocking I/O: a write never waits for a slow client, it stops when the socket buffer is full and
 * goes on when the container says it can ({@link #onWritePossible()}). So a client that stops reading
 * costs its queue and nothing else. At most one drain runs per connection ({@code scheduled}).
 * <p>
 * The request belongs to the container once it completed: Tomcat recycles it for another connection, and
 * a late {@code complete()} would end that one. So every use of the request (writes, {@code complete()})
 * happens under {@code io} while it is not {@code done}, and the container's error callback, after which
 * it may complete the request itself, takes {@code io} too. {@code onComplete} takes no lock: Tomcat calls
 * it holding its own, which {@code complete()} needs.
 */
final class SseConnection implements WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(SseConnection.class);

    private final Viewer viewer;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor writers;
    private final Consumer<SseConnection> onEnd;
    private final LinkedBlockingQueue<byte[]> queue;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReentrantLock io = new ReentrantLock();
    /** Completed, by us or the container: the request is no longer ours to touch. */
    private volatile boolean done;
    private volatile String sessionId;
    /** The container said the socket takes data again. */
    private volatile boolean writable;
    /** Write what is queued (a resync), then end. */
    private volatile boolean closing;
    private volatile long closingSince;
    /** End now, whatever is queued. */
    private volatile boolean ending;
    /** Only drains touch it, one at a time. */
    private boolean unflushed;

    SseConnection(Viewer viewer, String sessionId, AsyncContext async, ServletOutputStream out, Executor writers,
                  int capacity, Consumer<SseConnection> onEnd) {
        this.viewer = viewer;
        this.sessionId = sessionId;
        this.async = async;
        this.out = out;
        this.writers = writers;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.onEnd = onEnd;
    }

    Viewer viewer() {
        return viewer;
    }

    String sessionId() {
        return sessionId;
    }

    void sessionId(String renamed) {
        this.sessionId = renamed;
    }

    boolean isClosing() {
        return closing || ending || done;
    }

    long closingSince() {
        return closingSince;
    }

    /** Queues a frame; false when the client is too far behind to take it. */
    boolean offer(byte[] frame) {
        if (isClosing()) {
            return true;
        }
        if (!queue.offer(frame)) {
            return false;
        }
        schedule();
        return true;
    }

    /** The client fell behind: what it missed is replaced by one resync, then the stream ends. */
    void fallBehind(byte[] resync, long nowNanos) {
        queue.clear();
        queue.offer(resync);
        closingSince = nowNanos;
        closing = true;
        schedule();
    }

    /** Ends the stream now: sign-out, a role change, shutdown, or a client that never took its resync. */
    void end() {
        ending = true;
        queue.clear();
        schedule();
    }

    @Override
    public void onWritePossible() {
        writable = true;
        schedule();
    }

    @Override
    public void onError(Throwable failure) {
        // the container follows with AsyncListener.onError, which completes the request
    }

    @Override
    public void onError(AsyncEvent event) {
        io.lock();
        try {
            complete("failed: " + event.getThrowable()); // the client went away; without this, an error dispatch
        } finally {
            io.unlock();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        io.lock();
        try {
            complete("timed out");
        } finally {
            io.unlock();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        done = true;
        queue.clear();
        onEnd.accept(this);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // one async cycle per stream: nothing to re-register
    }

    private void schedule() {
        if (done || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            writers.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            scheduled.set(false); // the web server ends what is still open
        }
    }

    private void drain() {
        writable = false;
        boolean caughtUp = false;
        io.lock();
        try {
            if (done) {
                return;
            }
            if (ending) {
                complete("ended by the server");
                return;
            }
            while (out.isReady()) {
                byte[] frame = queue.poll();
                if (frame != null) {
                    out.write(frame);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else if (closing) {
                    complete("fell behind");
                    return;
                } else {
                    caughtUp = true;
                    break;
                }
            }
            // not ready: the container calls onWritePossible once the client has read enough
        } catch (IOException | RuntimeException gone) {
            complete("gone: " + gone); // the client went away
        } finally {
            io.unlock();
            scheduled.set(false);
            // a frame offered, a wake-up or an end that came while this drain ran would otherwise wait
            if (!done && (writable || ending || (caughtUp && !queue.isEmpty()))) {
                schedule();
            }
        }
    }

    /** Under {@code io}. */
    private void complete(String why) {
        if (done) {
            return;
        }
        done = true;
        queue.clear();
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleting) {
            // the container is ending it
        }
        log.debug("Stream of {} (session {}) ended: {}", viewer.id(), sessionId, why);
        onEnd.accept(this);
    }
}

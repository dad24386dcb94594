package studio.booking.api.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open stream. Frames wait in a bounded queue; a shared executor writes them with the servlet's
 * non-blocking I/O: a write never waits for a slow client, it stops when the socket buffer is full and
 * goes on when the container says it can ({@link #onWritePossible()}). So a client that stops reading
 * costs its queue and nothing else. At most one drain runs per connection ({@code scheduled}), and only
 * drains touch the output stream; the container's callbacks only schedule one (and never wait for a lock
 * of ours while holding their own).
 */
final class SseConnection implements WriteListener, AsyncListener {

    private final Viewer viewer;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor writers;
    private final Consumer<SseConnection> onEnd;
    private final LinkedBlockingQueue<byte[]> queue;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
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
        return closing || ending || ended.get();
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
        finish(); // the client went away while the container wrote
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended.set(true);
        onEnd.accept(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish();
    }

    @Override
    public void onError(AsyncEvent event) {
        finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // one async cycle per stream: nothing to re-register
    }

    private void schedule() {
        if (ended.get() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            writers.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            scheduled.set(false);
            finish();
        }
    }

    private void drain() {
        writable = false;
        boolean caughtUp = false;
        try {
            if (ended.get()) {
                return;
            }
            if (ending) {
                finish();
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
                    finish();
                    return;
                } else {
                    caughtUp = true;
                    break;
                }
            }
            // not ready: the container calls onWritePossible once the client has read enough
        } catch (IOException | RuntimeException gone) {
            finish(); // the client went away, or the container already ended the request
        } finally {
            scheduled.set(false);
            // a frame offered, a wake-up or an end that came while this drain ran would otherwise wait
            if (!ended.get() && (writable || ending || (caughtUp && !queue.isEmpty()))) {
                schedule();
            }
        }
    }

    private void finish() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container ended it first
        }
        onEnd.accept(this);
    }
}

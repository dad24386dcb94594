package studio.booking.query.replay;

import java.time.Instant;

/**
 * Where the last replay of this node stands.
 *
 * @param running         true from the start until the swap has committed (or the replay failed)
 * @param phase           {@code idle} (none since start), {@code rebuilding}, {@code swapping},
 *                        {@code finished} or {@code failed}
 * @param processedEvents events read from the store and handed to the projections
 * @param totalEvents     events in the store when the replay started, grown by any that arrived since
 * @param error           why it failed (the live views are then untouched), else null
 */
public record ReplayProgress(boolean running, String phase, long processedEvents, long totalEvents,
                             Instant startedAt, Instant finishedAt, String error) {

    static final ReplayProgress IDLE = new ReplayProgress(false, "idle", 0, 0, null, null, null);
}

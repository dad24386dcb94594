package studio.booking.api.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one test clock: real time plus an offset that tests move forward (or pin). ONE static
 * instance, shared by every Spring context of the test run, so Axon's event clock (a static) and
 * every context agree.
 */
public final class MutableClock extends Clock {

    public static final MutableClock INSTANCE = new MutableClock();

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant pinned;

    private MutableClock() {
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return MutableClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return MutableClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned;
        return fixed != null ? fixed : Instant.now().plus(offset);
    }

    /** Moves "now" forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        if (pinned != null) {
            pinned = pinned.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Stops time at {@code instant} until {@link #reset()}. */
    public void pin(Instant instant) {
        pinned = instant;
    }

    /** Back to real time. */
    public void reset() {
        pinned = null;
        offset = Duration.ZERO;
    }
}

package studio.booking.command.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock that reads the test fixture's current time, so "now" moves with whenTimeElapses. */
public final class FixtureClock extends Clock {

    private final Supplier<Instant> now;

    public FixtureClock(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}

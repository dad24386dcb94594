package studio.booking.messages.slots;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** A bookable interval on the real timeline, start inclusive, end exclusive. */
public record Slot(Instant start, Instant end) implements Comparable<Slot> {

    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::start).thenComparing(Slot::end);

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A slot ends after it starts: " + start + " / " + end);
        }
    }

    public boolean overlaps(Slot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public long durationMinutes() {
        return Duration.between(start, end).toMinutes();
    }

    @Override
    public int compareTo(Slot other) {
        return ORDER.compare(this, other);
    }
}

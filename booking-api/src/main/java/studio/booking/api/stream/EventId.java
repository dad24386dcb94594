package studio.booking.api.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code id:} of a stream event: {@code <globalIndex>.<n>}, the n-th (from 0) stream event derived
 * from the stored event at that global index of the event store. A bare {@code <globalIndex>} is a
 * position: "everything derived from that stored event and before it". Both are valid
 * {@code Last-Event-ID}s.
 *
 * @param ordinal the n; {@link #WHOLE} for a bare position
 */
record EventId(long globalIndex, int ordinal) {

    static final int WHOLE = Integer.MAX_VALUE;

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})(?:\\.(\\d{1,9}))?");

    static EventId position(long globalIndex) {
        return new EventId(globalIndex, WHOLE);
    }

    /** Empty when the text is no id of ours (a client's own invention, another system's id). */
    static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long index = Long.parseLong(m.group(1));
        return Optional.of(m.group(2) == null ? position(index) : new EventId(index, Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return ordinal == WHOLE ? Long.toString(globalIndex) : globalIndex + "." + ordinal;
    }
}

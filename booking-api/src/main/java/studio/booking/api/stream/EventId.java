package studio.booking.api.stream;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code id:} of a stream event: {@code <globalIndex>.<n>@<node>}, the n-th (from 0) stream event
 * derived from the stored event at that global index of the event store, as streamed by this run of
 * this node. A bare {@code <globalIndex>@<node>} is a position: "everything derived from that stored
 * event and before it". Both are valid {@code Last-Event-ID}s, on the node that issued them.
 * <p>
 * Why the node: nodes hold the same events in different orders around a late commit (a lower index
 * committed after a higher one), and "after this id" means after it in the issuing node's order. An
 * id of another node (or of an earlier run of this one) is unknown here: the client gets a resync.
 *
 * @param ordinal the n; {@link #WHOLE} for a bare position
 */
record EventId(long globalIndex, int ordinal) {

    static final int WHOLE = Integer.MAX_VALUE;

    /** This run of this node, in every id it issues. */
    static final String NODE = Long.toString(new SecureRandom().nextLong() >>> 1, 36);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})(?:\\.(\\d{1,9}))?@([0-9a-z]{1,13})");

    static EventId position(long globalIndex) {
        return new EventId(globalIndex, WHOLE);
    }

    /** Empty when the text is no id of this node's run (another node's, a client's own invention, another system's). */
    static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches() || !m.group(3).equals(NODE)) {
            return Optional.empty();
        }
        long index = Long.parseLong(m.group(1));
        return Optional.of(m.group(2) == null ? position(index) : new EventId(index, Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return (ordinal == WHOLE ? Long.toString(globalIndex) : globalIndex + "." + ordinal) + "@" + NODE;
    }
}

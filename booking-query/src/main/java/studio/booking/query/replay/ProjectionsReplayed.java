package studio.booking.query.replay;

import java.util.List;

/**
 * A Spring application event: a replay swapped rebuilt tables in, so whatever a client shows from them
 * may have changed without an event of the store saying so.
 */
public record ProjectionsReplayed(List<String> tables) {
}

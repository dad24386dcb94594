package studio.booking.api.stream;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream ids are the event store's global index, also for an event that fills a gap. */
class EventStoreTailTest {

    @Test
    void R1_an_event_s_id_is_its_own_global_index() {
        GapAwareTrackingToken atTen = GapAwareTrackingToken.newInstance(10, Set.of());
        GapAwareTrackingToken twelveSkippingEleven = atTen.advanceTo(12, 10_000);
        assertThat(EventStoreTail.globalIndexOf(atTen, twelveSkippingEleven)).isEqualTo(12);

        // the transaction that took 11 commits later: the token stays at 12, the gap goes
        GapAwareTrackingToken elevenFilled = twelveSkippingEleven.advanceTo(11, 10_000);
        assertThat(elevenFilled.getIndex()).isEqualTo(12);
        assertThat(EventStoreTail.globalIndexOf(twelveSkippingEleven, elevenFilled)).isEqualTo(11);

        assertThat(EventStoreTail.globalIndexOf(null, GapAwareTrackingToken.newInstance(3, List.of(1L, 2L))))
                .isEqualTo(3);
        // Axon Server's tokens
        assertThat(EventStoreTail.globalIndexOf(new GlobalSequenceTrackingToken(6), new GlobalSequenceTrackingToken(7)))
                .isEqualTo(7);
    }

    @Test
    void R1_the_tail_starts_expecting_the_indexes_just_below_the_head_that_hold_no_event_yet() {
        assertThat(EventStoreTail.gapsBelow(10, 5, List.of(5L, 6L, 8L))).containsExactly(7L, 9L);
        assertThat(EventStoreTail.gapsBelow(3, 1, List.of(1L, 2L))).isEmpty();
    }
}

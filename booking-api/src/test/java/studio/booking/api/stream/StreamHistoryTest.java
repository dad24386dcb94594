package studio.booking.api.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** R1 catch-up: what a reconnecting client gets for its Last-Event-ID, and when it gets a resync instead. */
class StreamHistoryTest {

    private static StreamEvent event(String name) {
        return new StreamEvent.ToEveryone(name.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code id} as this node issues it: {@code "101.0"} is {@code "101.0@<node>"}. */
    private static Optional<EventId> ours(String id) {
        return EventId.parse(id + "@" + EventId.NODE);
    }

    private static Optional<List<String>> after(StreamHistory history, String id) {
        return ours(id).flatMap(history::after).map(events -> events.stream()
                .map(e -> new String(((StreamEvent.ToEveryone) e).frame(), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void R1_a_client_gets_what_was_streamed_after_its_id_in_streaming_order() {
        StreamHistory history = new StreamHistory(10, 100);
        history.append(101, List.of(event("101.0"), event("101.1"), event("101.2")));
        history.append(103, List.of(event("103.0")));
        history.append(102, List.of()); // committed later than 103 although its index is lower
        history.append(104, List.of(event("104.0")));

        assertThat(after(history, "101.0")).contains(List.of("101.1", "101.2", "103.0", "104.0"));
        assertThat(after(history, "101.2")).contains(List.of("103.0", "104.0"));
        assertThat(after(history, "101")).contains(List.of("103.0", "104.0"));
        assertThat(after(history, "103.0")).contains(List.of("104.0"));
        assertThat(after(history, "102")).contains(List.of("104.0"));
        assertThat(after(history, "104.0")).contains(List.of());
        assertThat(history.position()).isEqualTo(EventId.position(104));
    }

    @Test
    void R1_the_position_at_start_covers_everything_until_the_first_event_is_forgotten() {
        StreamHistory history = new StreamHistory(2, 100);
        assertThat(history.position()).isEqualTo(EventId.position(100));
        assertThat(after(history, "100")).contains(List.of());
        history.append(101, List.of(event("101.0")));
        history.append(102, List.of(event("102.0")));
        assertThat(after(history, "100")).contains(List.of("101.0", "102.0"));
        assertThat(after(history, "100.0")).isEmpty(); // part of an event streamed before this node started

        history.append(103, List.of(event("103.0")));
        assertThat(after(history, "100")).isEmpty();
        assertThat(after(history, "101.0")).isEmpty(); // too old
        assertThat(after(history, "102.0")).contains(List.of("103.0"));
    }

    @Test
    void R1_ids_from_the_future_another_system_or_nowhere_are_unknown() {
        StreamHistory history = new StreamHistory(10, 100);
        history.append(101, List.of(event("101.0")));
        for (String id : List.of("105.0", "99.0", "42", "abc", "", "101.0.1", "-1", "101.", "1e3")) {
            assertThat(after(history, id)).as(id).isEmpty();
        }
        assertThat(after(history, "101.0")).contains(List.of());
    }

    /**
     * Nodes hold events in different orders around a late commit: "after 101" on another node may
     * skip an event this client never saw. Only the issuing node (this run of it) resumes an id.
     */
    @Test
    void R1_an_id_issued_by_another_node_or_an_earlier_run_is_unknown() {
        StreamHistory history = new StreamHistory(10, 100);
        history.append(101, List.of(event("101.0")));
        history.append(102, List.of(event("102.0")));
        String other = EventId.NODE.equals("x") ? "y" : "x";

        for (String id : List.of("101.0@" + other, "101@" + other, "101.0", "101")) {
            assertThat(EventId.parse(id)).as(id).isEmpty();
        }
        assertThat(EventId.parse("101.0@" + EventId.NODE)).contains(new EventId(101, 0));
        assertThat(new EventId(101, 0)).hasToString("101.0@" + EventId.NODE);
        assertThat(EventId.position(101)).hasToString("101@" + EventId.NODE);
    }

    @Test
    void R1_an_event_deferred_while_nobody_streamed_is_mapped_once_when_a_reconnect_asks_for_it() {
        StreamHistory history = new StreamHistory(10, 100);
        AtomicInteger mappings = new AtomicInteger();
        history.append(101, List.of(event("101.0")));
        history.defer(102, () -> {
            mappings.incrementAndGet();
            return List.of(event("102.0"), event("102.1"));
        });
        history.append(103, List.of(event("103.0")));
        assertThat(mappings).hasValue(0);
        assertThat(history.position()).isEqualTo(EventId.position(103));

        assertThat(history.unmappedAfter(ours("103.0").orElseThrow())).isEmpty();
        List<StreamHistory.Events> unmapped = history.unmappedAfter(ours("101.0").orElseThrow());
        assertThat(unmapped).hasSize(1);
        assertThat(mappings).hasValue(0);
        unmapped.forEach(StreamHistory.Events::get);
        assertThat(mappings).hasValue(1);

        assertThat(after(history, "101.0")).contains(List.of("102.0", "102.1", "103.0"));
        assertThat(after(history, "102.0")).contains(List.of("102.1", "103.0"));
        assertThat(mappings).hasValue(1);
        assertThat(history.unmappedAfter(ours("100").orElseThrow())).isEmpty();
    }
}

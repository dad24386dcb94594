package studio.booking.command.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import studio.booking.messages.ledger.SlotReleased;
import studio.booking.messages.ledger.SlotReserved;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.command.support.Violations.violation;
import static studio.booking.messages.common.RuleViolation.Kind.CONFLICT;

class SlotLedgerTest {

    private static final UUID INSTRUCTOR = UUID.randomUUID();
    private static final String ID = SlotLedger.idOf(INSTRUCTOR);
    private static final Instant NOON = Instant.parse("2030-03-04T12:00:00Z");
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private final AggregateTestFixture<SlotLedger> fixture = new AggregateTestFixture<>(SlotLedger.class);

    private static Instant h(int hours) {
        return NOON.plus(Duration.ofHours(hours));
    }

    @Test
    void B2_reserves_a_free_interval() {
        fixture.given(new SlotReserved(INSTRUCTOR, A, h(24), h(25)))
                .whenInvoking(ID, l -> l.reserve(INSTRUCTOR, B, h(25), h(26)))
                .expectEvents(new SlotReserved(INSTRUCTOR, B, h(25), h(26)));
    }

    @Test
    void B2_never_two_confirmed_bookings_overlap() {
        fixture.given(new SlotReserved(INSTRUCTOR, A, h(24), h(25)))
                .whenInvoking(ID, l -> l.reserve(INSTRUCTOR, B, h(24).plusSeconds(1800), h(25).plusSeconds(1800)))
                .expectException(violation(CONFLICT, "Time slot already confirmed for another booking"));
    }

    @Test
    void B2_a_released_interval_can_be_reserved_again() {
        fixture.given(new SlotReserved(INSTRUCTOR, A, h(24), h(25)), new SlotReleased(INSTRUCTOR, A))
                .whenInvoking(ID, l -> l.reserve(INSTRUCTOR, B, h(24), h(25)))
                .expectEvents(new SlotReserved(INSTRUCTOR, B, h(24), h(25)));
    }

    @Test
    void release_frees_only_what_it_holds() {
        fixture.given(new SlotReserved(INSTRUCTOR, A, h(24), h(25)))
                .whenInvoking(ID, l -> l.release(A))
                .expectEvents(new SlotReleased(INSTRUCTOR, A));
        fixture.given(new SlotReserved(INSTRUCTOR, A, h(24), h(25)))
                .whenInvoking(ID, l -> l.release(B))
                .expectNoEvents();
    }

    @Test
    void intervals_that_ended_before_a_reservation_are_pruned() {
        fixture.givenCurrentTime(NOON)
                .andGiven(new SlotReserved(INSTRUCTOR, A, h(1), h(2)))
                .andGivenCurrentTime(h(3))
                .andGiven(new SlotReserved(INSTRUCTOR, B, h(24), h(25)))
                .whenInvoking(ID, l -> { })
                .expectState(l -> {
                    assertThat(l.holds(A)).isFalse();
                    assertThat(l.holds(B)).isTrue();
                    assertThat(l.size()).isEqualTo(1);
                });
    }
}

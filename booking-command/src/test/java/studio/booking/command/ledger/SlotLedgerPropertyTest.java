package studio.booking.command.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.slots.Slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** B2 as a property: whatever reserves and releases happen, the granted intervals never overlap. */
class SlotLedgerPropertyTest {

    private static final UUID INSTRUCTOR = UUID.randomUUID();
    private static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");

    record Step(boolean reserve, int booking, int startQuarter, int quarters) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 8))
                .as(Step::new).list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void B2_reserved_intervals_never_overlap(@ForAll("steps") List<Step> steps) {
        var aggregate = AnnotatedAggregate.initialize(new SlotLedger(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(SlotLedger.class), null);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(UUID.randomUUID());
        }
        // the model: what the ledger granted, replayed from the events it applied
        Map<UUID, Slot> granted = new HashMap<>();
        for (Step step : steps) {
            UUID booking = ids.get(step.booking());
            Instant start = BASE.plusSeconds(900L * step.startQuarter());
            Instant end = start.plusSeconds(900L * step.quarters());
            try {
                aggregate.execute(l -> {
                    if (step.reserve()) {
                        l.reserve(INSTRUCTOR, booking, start, end);
                    } else {
                        l.release(booking);
                    }
                });
            } catch (RuleViolation refused) {
                assertThat(granted.values()).anyMatch(s -> s.overlaps(new Slot(start, end)));
            }
            granted.clear();
            granted.putAll(aggregate.invoke(SlotLedger::intervals));
            List<Slot> slots = List.copyOf(granted.values());
            for (int a = 0; a < slots.size(); a++) {
                for (int b = a + 1; b < slots.size(); b++) {
                    assertThat(slots.get(a).overlaps(slots.get(b))).as("%s vs %s", slots.get(a), slots.get(b))
                            .isFalse();
                }
            }
        }
    }
}

package studio.booking.query.replay;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.query.ReadSideTest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which projections a replay feeds, and how an event reaches them. */
class ReplayedProjectionsTest extends ReadSideTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("studio.booking.query")
    static class QueryModule {
        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(DATA_SOURCE);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        BookingSettings bookingSettings() {
            return BookingSettings.defaults();
        }
    }

    @Test
    void R3_every_table_the_query_module_migrates_is_rebuilt_by_exactly_one_projection() {
        try (var context = new AnnotationConfigApplicationContext(QueryModule.class)) {
            ReplayedProjections projections = discover(context);

            List<String> migrated = jdbc.sql("""
                            SELECT tablename FROM pg_tables
                             WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'
                            """)
                    .query(String.class).list();
            assertThat(projections.tables()).containsExactlyInAnyOrderElementsOf(migrated);
        }
    }

    @ProcessingGroup("forgotten-projection")
    static class Forgotten {
        @EventHandler
        void on(MemberRegistered event) {
        }
    }

    @Test
    void R3_a_projection_that_does_not_declare_its_tables_stops_the_start() {
        try (var context = new AnnotationConfigApplicationContext(Forgotten.class)) {
            assertThatThrownBy(() -> discover(context)).hasMessageContaining("Forgotten")
                    .hasMessageContaining("@ProjectionTables");
        }
    }

    @ProjectionTables("audit")
    static class Recorder {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(MemberRegistered event, @Timestamp Instant at, ReplayStatus status) {
            seen.add(event.displayName() + " " + at + " " + status);
        }

        @EventHandler
        @DisallowReplay
        void mail(MemberRegistered event) {
            seen.add("mail sent to " + event.email());
        }
    }

    @Test
    void R3_events_reach_a_projection_with_their_own_timestamp_as_a_replay_and_side_effects_stay_off() throws Exception {
        Recorder recorder = new Recorder();
        ReplayedProjections projections = ReplayedProjections.of(List.of(recorder),
                ClasspathParameterResolverFactory.forClass(Recorder.class),
                ClasspathHandlerDefinition.forClass(Recorder.class));
        Instant stamped = Instant.parse("2026-01-05T10:00:00.123Z");

        projections.apply(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(7),
                new org.axonframework.eventhandling.GenericEventMessage<>(UUID.randomUUID().toString(),
                        new MemberRegistered(UUID.randomUUID(), "ana@studio.test", "Ana", Role.MEMBER_FULL, null, null),
                        Map.of(), stamped)));

        assertThat(recorder.seen).containsExactly("Ana " + stamped + " REPLAY");
        assertThat(projections.tables()).containsExactly("audit");
    }

    private static ReplayedProjections discover(AnnotationConfigApplicationContext context) {
        return ReplayedProjections.discover(context, ClasspathParameterResolverFactory.forClass(ReplayedProjectionsTest.class),
                ClasspathHandlerDefinition.forClass(ReplayedProjectionsTest.class));
    }
}

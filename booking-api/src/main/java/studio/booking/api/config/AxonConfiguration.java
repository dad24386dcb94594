package studio.booking.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon on Postgres without Axon Server: JDBC event store (tables by Flyway), one transaction for
 * a command, its events and the subscribing projections. Deadlines: Axon's db-scheduler deadline
 * manager (persistent, run once across nodes; a test asserts it is the one in use).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The clock every rule reads; tests replace it. Axon stamps events with the same clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BookingSettings bookingSettings(BookingProperties properties) {
        return properties.settings();
    }

    /**
     * Axon stamps events with a static clock of its own: make it the one every rule reads, ticking
     * in whole milliseconds because the event store keeps timestamps with milliseconds. Otherwise
     * a projection written live (microseconds) differs from its replay (R3).
     */
    @Bean
    InitializingBean axonEventClock(Clock clock) {
        return () -> GenericEventMessage.clock = Clock.tick(clock, Duration.ofMillis(1));
    }

    /**
     * What Axon's db-scheduler auto-configuration declares, with a cancel that lets a running
     * deadline be ({@link RunningDeadlineTolerantDeadlineManager}).
     */
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        return new RunningDeadlineTolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false) // db-scheduler's Spring Boot starter starts and stops it
                .stopScheduler(false), scheduler);
    }

    /**
     * Axon's deadline task (same name, same data, so stored deadlines still run), except that a
     * deadline whose handler failed runs again within seconds instead of db-scheduler's five minutes.
     * An expiry loses its append when a message is posted to the booking at that moment; for five
     * minutes the request then stayed pending past its time (B5), refusing confirmations.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axonTask =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return new OneTimeTask<>(axonTask.getName(), axonTask.getDataClass(), AxonConfiguration::retrySoon) {
            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
                axonTask.execute(instance, context);
            }
        };
    }

    /** 1 s after the first failure, doubling up to 256 s (about db-scheduler's own five minutes). */
    static <T> void retrySoon(ExecutionComplete failure, ExecutionOperations<T> operations) {
        int earlierFailures = Math.min(failure.getExecution().consecutiveFailures, 8);
        operations.reschedule(failure, failure.getTimeDone().plusSeconds(1L << earlierFailures));
    }

    /**
     * Declared here because Axon's own transaction auto-configuration orders itself after Spring
     * Boot 3 class names and, on Boot 4, ends up with none: events would then commit although a
     * projection failed.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Projections and command-side lookups run in the command's transaction (subscribing), and a
     * failure there — such as the exclusion constraint on confirmed bookings — must fail the command
     * and roll everything back instead of being logged and swallowed.
     */
    @Bean
    ConfigurerModule subscribingProcessorsThatPropagateErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Queries run without a transaction of their own: they read projections statement by statement
     * at READ COMMITTED, where a transaction isolates nothing more and costs a round trip for its
     * {@code COMMIT} — and every signed-in request makes at least one query (docs/BENCHMARKS.md). A
     * query asked inside a caller's transaction (the member administration) still reads through
     * that transaction's connection. Otherwise Axon's own query bus, as its auto-configuration builds it.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Axon's event tables as Flyway creates them ({@code V1_0__axon_event_store.sql}: snake_case names). */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Axon's token table as Flyway creates it. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The actor of a command (id, role, display name) travels on to every event it causes: the booking
     * history reads it there. Deadlines run in units of work without correlation providers, so what
     * they do (expiry, auto-complete) carries no actor: the system acted.
     */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY, Actor.NAME_KEY);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Two nodes (or threads) appending to one aggregate at once: the loser retries on fresh state. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .retryInterval(10)
                        .maxRetryCount(8)
                        .nonTransientFailurePredicate(failure -> !isConcurrencyFailure(failure))
                        .build())
                .build();
    }

    private static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}

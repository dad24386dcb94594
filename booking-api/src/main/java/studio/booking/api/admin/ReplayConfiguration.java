package studio.booking.api.admin;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import studio.booking.query.replay.ProjectionReplay;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The replay engine of the read side, wired to this application's event store, database and
 * Axon handler configuration (declared here, not scanned: the query module has no Axon
 * infrastructure of its own).
 */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

    @Bean
    ProjectionReplay projectionReplay(ApplicationContext context, EventStorageEngine events, EventSchema eventSchema,
                                      DataSource dataSource, PlatformTransactionManager transactionManager,
                                      ParameterResolverFactory parameterResolverFactory,
                                      HandlerDefinition handlerDefinition, Clock clock) {
        return new ProjectionReplay(context, events, eventSchema, dataSource, transactionManager,
                parameterResolverFactory, handlerDefinition, clock, context);
    }
}

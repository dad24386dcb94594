package studio.booking.query.replay;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The projection beans a replay feeds — the same instances the live processors call — each behind
 * Axon's annotation adapter built with the application's parameter resolvers and handler
 * definition, so {@code @Timestamp}, metadata and bean parameters resolve exactly as live. Events
 * reach them marked as a replay: handlers annotated {@code @DisallowReplay} do not run.
 */
final class ReplayedProjections {

    private final List<EventMessageHandler> handlers;
    private final List<String> tables;

    private ReplayedProjections(List<EventMessageHandler> handlers, List<String> tables) {
        this.handlers = handlers;
        this.tables = tables;
    }

    /**
     * Every bean carrying {@link ProjectionTables}, in bean-name order. Refuses a
     * {@code @ProcessingGroup("…-projection")} bean without it, and a table claimed twice.
     */
    static ReplayedProjections discover(ListableBeanFactory beans, ParameterResolverFactory parameters,
                                        HandlerDefinition handlerDefinition) {
        List<String> undeclared = new ArrayList<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null && group.value().endsWith("-projection")
                    && beans.findAnnotationOnBean(name, ProjectionTables.class) == null) {
                undeclared.add(name);
            }
        }
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Projections " + undeclared + " do not declare their tables: annotate "
                    + "them with @" + ProjectionTables.class.getSimpleName() + " so a replay rebuilds them (R3)");
        }
        Map<String, Object> projections = new TreeMap<>(beans.getBeansWithAnnotation(ProjectionTables.class));
        return of(List.copyOf(projections.values()), parameters, handlerDefinition);
    }

    static ReplayedProjections of(List<Object> projections, ParameterResolverFactory parameters,
                                  HandlerDefinition handlerDefinition) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        for (Object projection : projections) {
            Class<?> type = AopUtils.getTargetClass(projection);
            ProjectionTables declared = AnnotationUtils.findAnnotation(type, ProjectionTables.class);
            if (declared == null) {
                throw new IllegalArgumentException(type.getName() + " declares no @ProjectionTables");
            }
            for (String table : declared.value()) {
                if (!tables.add(table)) {
                    throw new IllegalStateException("Table " + table + " is declared by two projections");
                }
            }
            handlers.add(new AnnotationEventHandlerAdapter(projection, parameters, handlerDefinition));
        }
        return new ReplayedProjections(List.copyOf(handlers), List.copyOf(tables));
    }

    /** The tables of every projection, in declaration order. */
    List<String> tables() {
        return tables;
    }

    /** Hands one event to every projection that handles it, as a replayed event. */
    void apply(TrackedEventMessage<?> event) throws Exception {
        TrackedEventMessage<?> replayed = event.withTrackingToken(
                new ReplayToken(event.trackingToken(), event.trackingToken()));
        for (EventMessageHandler handler : handlers) {
            if (handler.canHandle(replayed)) {
                handler.handle(replayed);
            }
        }
    }
}

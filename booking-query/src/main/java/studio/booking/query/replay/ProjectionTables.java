package studio.booking.query.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection writes, and nothing but its event handlers writes (R3): a replay
 * rebuilds them from the events into a shadow schema and swaps them in. Every
 * {@code @ProcessingGroup("…-projection")} bean must carry it; the application refuses to start
 * otherwise, so no projection is silently left out of a replay.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProjectionTables {

    /**
     * Table names as the projection's SQL writes them: unqualified, so that a replay can route
     * them to its shadow schema through the search path.
     */
    String[] value();
}

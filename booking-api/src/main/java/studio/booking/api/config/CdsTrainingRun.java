package studio.booking.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The build's class-data-sharing training run ({@code booking-api/pom.xml}, docs/BENCHMARKS.md):
 * with {@code booking.cds-training=true} the application starts completely, then shuts down as it
 * would on a stop — closing the embedded PostgreSQL it started — and the JVM writes the archive of
 * every class the start loaded. Nothing else sets it.
 */
@Component
@ConditionalOnBooleanProperty("booking.cds-training")
class CdsTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}

package studio.booking.api.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import studio.booking.api.BookingApplication;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test through real HTTP against the whole application on a fresh embedded Postgres
 * (its own data directory under {@code target/}), without demo data, with the owner
 * {@link Api#OWNER_EMAIL} configured and the shared {@link MutableClock}. Every class carrying
 * exactly this annotation shares one Spring context: keep tests independent of each other's data
 * (create members with unique emails, see {@link Api#uniqueEmail}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BookingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "booking.data-dir=target/test-data/${random.uuid}",
                "booking.demo-data=false",
                "booking.owner.email=" + Api.OWNER_EMAIL,
                "booking.owner.password=" + Api.OWNER_PASSWORD,
                "axoniq.update-checker.disabled=true",
                // the live stream: heartbeats a test can wait for, and a queue a stuck client fills soon
                "booking.stream.heartbeat=PT1S",
                "booking.stream.client-queue=64",
        })
@Import(ApiTestConfiguration.class)
@ExtendWith(ApiExtension.class)
public @interface ApiTest {
}

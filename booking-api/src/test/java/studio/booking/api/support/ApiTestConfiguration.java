package studio.booking.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import java.time.Clock;

@TestConfiguration(proxyBeanMethods = false)
public class ApiTestConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return MutableClock.INSTANCE;
    }

    /** The test-side helpers, bound to the random port of this context's server. */
    @Bean
    @Lazy
    Api api(Environment environment) {
        return new Api(() -> environment.getRequiredProperty("local.server.port", Integer.class));
    }
}

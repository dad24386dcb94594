package studio.booking.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
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

    /**
     * Small socket send buffers, as on a slow network: the kernel's autotuning would otherwise take
     * megabytes for a client that stops reading before the live stream notices it (its tests).
     */
    @Bean
    TomcatConnectorCustomizer smallSocketSendBuffers() {
        return connector -> connector.setProperty("socket.txBufSize", "8192");
    }

    /** The test-side helpers, bound to the random port of this context's server. */
    @Bean
    @Lazy
    Api api(Environment environment) {
        return new Api(() -> environment.getRequiredProperty("local.server.port", Integer.class));
    }
}

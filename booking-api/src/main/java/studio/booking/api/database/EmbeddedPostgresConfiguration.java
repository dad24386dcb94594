package studio.booking.api.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.nio.file.Path;

/**
 * The default database: a real PostgreSQL run by the application, its files kept in
 * {@code booking.data-dir} so that data survive restarts. Used only when no
 * {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    /**
     * The same test as {@link EmbeddedPostgresStarter}'s: no URL, or a blank one. Read from the
     * environment, not through a SpEL string, which any quote in a URL would break.
     */
    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("spring.datasource.url", "").isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ObjectProvider<EmbeddedPostgresStarter.Startup> startup,
                                      @Value("${booking.data-dir:./data}") Path dataDir) {
        EmbeddedPostgresStarter.Startup started = startup.getIfAvailable();
        // without the initializer (e.g. a test context built by hand) start it here
        return started != null ? started.await() : EmbeddedPostgresStarter.start(dataDir.toAbsolutePath());
    }

    /** The usual {@code spring.datasource.hikari.*} settings apply to it too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPoolName("booking-embedded");
        return ds;
    }
}

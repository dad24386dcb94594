package studio.booking.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the context is created, so that
 * unpacking, {@code initdb} and start-up overlap the seconds Spring spends preparing the
 * context; {@link EmbeddedPostgresConfiguration} then waits for it. Does nothing when
 * {@code spring.datasource.url} is set.
 */
public class EmbeddedPostgresStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "embeddedPostgresStartup";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("spring.datasource.url", "").isBlank()) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("booking.data-dir", "./data")).toAbsolutePath();
        CompletableFuture<EmbeddedPostgres> startup = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                startup.complete(start(dataDir));
            } catch (Throwable failure) {
                startup.completeExceptionally(failure);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        context.getBeanFactory().registerSingleton(BEAN_NAME, new Startup(startup));
    }

    static EmbeddedPostgres start(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(pgData);
            OrphanedPostmaster.stopIfRunning(pgData);
            log.info("Starting embedded PostgreSQL with data in {}", pgData);
            Optional<Path> prepared = PostgresBinaries.prepared();
            Path runtime = prepared.orElse(dataDir.resolve("runtime"));
            EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // zonky's defaults trade durability for speed; a studio's bookings must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setOverrideWorkingDirectory(runtime.toFile())
                    // Spring closes it after everything that uses it; a JVM hook of its own would race that
                    .setRegisterShutdownHook(false);
            if (prepared.isEmpty() || !PostgresBinaries.unpackedIn(prepared.get())) {
                PostgresBinaries.unpack(runtime); // before zonky looks: it finds them unpacked
            }
            return postgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    /** The start-up under way; {@link #await()} answers the running database. */
    record Startup(CompletableFuture<EmbeddedPostgres> future) {
        EmbeddedPostgres await() {
            return future.join();
        }
    }
}

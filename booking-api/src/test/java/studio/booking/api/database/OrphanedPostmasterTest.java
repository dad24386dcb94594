package studio.booking.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After a {@code kill -9} of the application its postmaster is still running and holds the data
 * directory. The next start stops that orphan and starts again on the same files: nothing
 * committed is lost. The "application" here is a child JVM, killed with SIGKILL.
 */
class OrphanedPostmasterTest {

    @Test
    void a_start_after_kill_9_stops_the_orphaned_postmaster_and_keeps_the_data(@TempDir Path dataDir)
            throws Exception {
        Process app = runningApp(dataDir);
        app.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the orphan still holds the directory").exists();

        try (EmbeddedPostgres restarted = EmbeddedPostgresStarter.start(dataDir)) {
            assertThat(JdbcClient.create(restarted.getPostgresDatabase())
                    .sql("SELECT name FROM lessons").query(String.class).list()).containsExactly("salsa on2");
        }
    }

    /** Only an orphan is stopped: a second start on the directory of a running application refuses. */
    @Test
    void a_start_on_the_data_of_a_running_application_refuses_and_leaves_its_database_alone(@TempDir Path dataDir)
            throws Exception {
        Process app = runningApp(dataDir);
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

            assertThatThrownBy(() -> EmbeddedPostgresStarter.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another running application")
                    .satisfies(e -> assertThat(new DataDirectoryInUseException.Analyzer().analyze(
                            new IllegalStateException("the context failed", e)).getAction())
                            .as("what the failed start says to do").contains("--booking.data-dir="));

            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("its postmaster runs on").hasValue(true);
            assertThat(app.isAlive()).isTrue();
        } finally {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
            EmbeddedPostgresStarter.start(dataDir).close(); // stops the orphan
        }
    }

    /** A child JVM that started the embedded database as the application does and committed a row. */
    private static Process runningApp(Path dataDir) throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingApp.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals(CrashingApp.COMMITTED)) {
            // the child's start-up log
        }
        assertThat(line).as("the child committed its row").isEqualTo(CrashingApp.COMMITTED);
        return app;
    }

    /** Starts the embedded database as the application does, commits a row, then waits to be killed. */
    public static final class CrashingApp {
        static final String COMMITTED = "committed";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgresStarter.start(Path.of(args[0]));
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("CREATE TABLE lessons (name text)").update();
            jdbc.sql("INSERT INTO lessons VALUES ('salsa on2')").update();
            System.out.println(COMMITTED);
            System.out.flush();
            Thread.currentThread().join(); // until killed
        }
    }
}

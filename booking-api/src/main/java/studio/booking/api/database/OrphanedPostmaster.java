package studio.booking.api.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * After a {@code kill -9} of the application its embedded postmaster lives on, holding the data
 * directory, and the next start would fail. This stops such an orphan (its data are safe: Postgres
 * recovers from its WAL) and removes a stale pid file.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(OrphanedPostmaster::isPostgres);
        if (postmaster.isPresent()) {
            ProcessHandle process = postmaster.get();
            log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.pid());
            process.destroy(); // SIGTERM: Postgres' "smart" shutdown
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                process.onExit().completeOnTimeout(process, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(false);
    }
}

package studio.booking.api.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * After a {@code kill -9} of the application its embedded postmaster lives on, holding the data
 * directory, and the next start would fail. This stops such an orphan (its data are safe: Postgres
 * recovers from its WAL) and removes a stale pid file, but never the database of an application
 * that still runs.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The file zonky's {@code EmbeddedPostgres} locks in the data directory while its database runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";

    private OrphanedPostmaster() {
    }

    /**
     * Stops the postmaster of a crashed run, and refuses (without touching it) one whose application
     * still runs: that application holds zonky's lock file for as long as its database is up. The lock
     * is held here while the orphan is stopped, so two starts at once cannot take each other's database
     * for an orphan.
     */
    static void stopIfRunning(Path pgData) throws IOException {
        if (!Files.exists(pgData.resolve(PID_FILE))) {
            return; // no postmaster, or none yet (initdb wants the new directory empty: no lock file in it)
        }
        try (FileChannel lockFile = FileChannel.open(pgData.resolve(ZONKY_LOCK_FILE), CREATE, WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new DataDirectoryInUseException(pgData);
            }
            stopOrphan(pgData);
        }
    }

    private static FileLock tryLock(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: an application started here earlier
        }
    }

    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve(PID_FILE);
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

package studio.booking.api.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Unpacks the PostgreSQL binaries shipped in the jar (zonky's {@code .txz} for this system) with the
 * machine's own {@code tar} and {@code xz}. On a first start the pure-Java xz decoder zonky uses
 * costs about four seconds of CPU (and the JIT's time to compile it) while Spring prepares the
 * context on the same two CPUs; native xz takes about one (docs/BENCHMARKS.md). The result is
 * exactly what zonky looks for before unpacking — {@code PG-<md5 of the archive>} in its working
 * directory, with an {@code .exists} marker written last — so zonky finds it ready and skips its
 * own unpack. Whenever this cannot be done (no {@code tar}, a system it does not know, a failed
 * unpack) it leaves nothing behind, and zonky unpacks as it always did.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String READY_MARKER = ".exists";

    private PostgresBinaries() {
    }

    /**
     * The binaries directory beside the extracted application: {@code mvn package} creates
     * {@code target/app/postgres} and its class-data-sharing training start unpacks into it,
     * so the README's run command does not spend its first start unpacking (docs/BENCHMARKS.md). Empty
     * when the application runs from anywhere else (the fat jar, the IDE, the tests): the binaries then
     * go under the data directory, as always.
     */
    static Optional<Path> prepared() {
        try {
            CodeSource source = PostgresBinaries.class.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path application = Path.of(source.getLocation().toURI());
            Path prepared = application.resolveSibling("postgres");
            return Files.isRegularFile(application) && Files.isDirectory(prepared) ? Optional.of(prepared)
                    : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code runtimeDir} holds finished binaries, without reading the archive to name them:
     * for {@link #prepared()}, which each build makes anew for its own version.
     */
    static boolean unpackedIn(Path runtimeDir) {
        try (var unpacked = Files.list(runtimeDir)) {
            return unpacked.anyMatch(dir -> Files.exists(dir.resolve(READY_MARKER)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Unpacks the binaries into zonky's working directory {@code runtimeDir}, unless they are there. */
    static void unpack(Path runtimeDir) {
        Optional<String> system = system();
        if (system.isEmpty()) {
            return;
        }
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system.get(), architecture())) {
                archive = in.readAllBytes();
            }
            Path binaries = runtimeDir.resolve("PG-" + md5(archive));
            if (Files.exists(binaries.resolve(READY_MARKER))) {
                return;
            }
            Files.createDirectories(runtimeDir);
            Path unpacking = Files.createTempDirectory(runtimeDir, "PG-unpacking-");
            if (!untar(archive, unpacking)) {
                deleteTree(unpacking);
                return;
            }
            try {
                Files.move(unpacking, binaries, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException unfinished) {
                deleteTree(unpacking); // an earlier unpack that did not finish: zonky's to repair
                return;
            }
            // last and newest: zonky takes the directory as ready only if nothing in it is newer
            Files.createFile(binaries.resolve(READY_MARKER));
            log.info("PostgreSQL binaries unpacked with tar into {}", binaries);
        } catch (IOException | RuntimeException e) {
            log.info("Could not unpack PostgreSQL with tar ({}); zonky unpacks it", e.toString());
        }
    }

    private static boolean untar(byte[] archive, Path into) throws IOException {
        Process tar;
        try {
            tar = new ProcessBuilder("tar", "-xJf", "-", "-C", into.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noTar) {
            return false;
        }
        try (OutputStream stdin = tar.getOutputStream()) {
            stdin.write(archive);
        } catch (IOException brokenPipe) {
            // tar failed early: its exit status says so
        }
        try {
            if (!tar.waitFor(2, TimeUnit.MINUTES)) {
                tar.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tar.destroyForcibly();
            return false;
        }
        return tar.exitValue() == 0 && Files.isDirectory(into.resolve("bin"));
    }

    /** zonky's names for the systems it ships binaries for that have a {@code tar}. */
    private static Optional<String> system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return Optional.of("Linux");
        }
        if (os.startsWith("mac")) {
            return Optional.of("Darwin");
        }
        return Optional.empty();
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    private static String md5(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove {}: {}", root, e.toString());
        }
    }
}

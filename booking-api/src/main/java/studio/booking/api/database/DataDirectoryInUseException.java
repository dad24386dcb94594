package studio.booking.api.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Path;

/** The embedded database's directory belongs to an application that still runs. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path pgData;

    DataDirectoryInUseException(Path pgData) {
        super("The data directory " + pgData + " is in use by another running application;"
                + " give this one its own booking.data-dir");
        this.pgData = pgData;
    }

    /** Says so in a few lines at the end of a failed start, instead of a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
            return new FailureAnalysis("The embedded PostgreSQL's data directory " + cause.pgData
                    + " is in use by another application that is still running.",
                    "Stop that application, or start this one with a data directory of its own"
                            + " (--booking.data-dir=… or BOOKING_DATA_DIR), or with an external PostgreSQL"
                            + " (spring.datasource.url).", cause);
        }
    }
}

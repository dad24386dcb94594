package studio.booking.query.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rebuilds every projection from the event store while the application keeps serving (R3,
 * docs/replay.md). The projections are subscribing (they run in the command's transaction), so
 * there is no token to reset: the events are read from the start of the store in batches and
 * applied by the same projection beans into a shadow schema ({@link ShadowTables}); once caught
 * up, one transaction locks the live tables, applies the last events and swaps the tables. Reads
 * answer from the old tables until then. One replay at a time per database (an advisory lock
 * held for the whole run), progress per node.
 */
public class ProjectionReplay implements SmartInitializingSingleton, DisposableBean {

    /** The advisory lock's two keys: a key space of its own, apart from the instructors' one-key locks. */
    public static final int LOCK_CLASS = 0x5233;
    public static final int LOCK_OBJECT = 1;

    public enum Start {STARTED, ALREADY_RUNNING, RUNNING_ON_ANOTHER_NODE}

    /** Events per transaction of the rebuild. */
    static final int BATCH_SIZE = 1000;
    /** How long the swap keeps retrying while commands or readers hold the tables. */
    private static final Duration SWAP_PATIENCE = Duration.ofMinutes(5);
    private static final Duration MAX_LOCK_BUDGET = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final ListableBeanFactory beans;
    private final EventStorageEngine events;
    private final EventSchema eventSchema;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ParameterResolverFactory parameters;
    private final HandlerDefinition handlerDefinition;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    private volatile ReplayedProjections projections;
    private volatile Run current;
    private volatile boolean stopping;

    public ProjectionReplay(ListableBeanFactory beans, EventStorageEngine events, EventSchema eventSchema,
                            DataSource dataSource, PlatformTransactionManager transactionManager,
                            ParameterResolverFactory parameters, HandlerDefinition handlerDefinition, Clock clock,
                            ApplicationEventPublisher publisher) {
        this.beans = beans;
        this.events = events;
        this.eventSchema = eventSchema;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        // each statement sees what committed before it: the swap's last read, after its lock, sees
        // every command that wrote the live tables
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.parameters = parameters;
        this.handlerDefinition = handlerDefinition;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Finds the projections once every bean exists; a projection without declared tables stops the start. */
    @Override
    public void afterSingletonsInstantiated() {
        projections = ReplayedProjections.discover(beans, parameters, handlerDefinition);
        log.info("Replay rebuilds the tables {}", projections.tables());
    }

    /** The tables a replay rebuilds. */
    public List<String> tables() {
        return projections.tables();
    }

    /**
     * Starts a replay in the background, unless one runs on this node or (the advisory lock is
     * taken) on another node sharing the database.
     */
    public synchronized Start start() {
        if (stopping) {
            throw new IllegalStateException("The application is stopping");
        }
        if (current != null && current.running()) {
            return Start.ALREADY_RUNNING;
        }
        Connection lock = takeLock();
        if (lock == null) {
            return Start.RUNNING_ON_ANOTHER_NODE;
        }
        Run run = new Run(clock.instant());
        current = run;
        worker.execute(() -> run(run, lock));
        return Start.STARTED;
    }

    public ReplayProgress progress() {
        Run run = current;
        return run == null ? ReplayProgress.IDLE : run.progress();
    }

    private void run(Run run, Connection lock) {
        ShadowTables shadow = null;
        String error = null;
        try {
            run.total = jdbc.sql("SELECT count(*) FROM " + eventSchema.domainEventTable()).query(Long.class).single();
            shadow = inTransaction(() -> {
                ShadowTables tables = ShadowTables.of(jdbc, projections.tables());
                tables.create();
                return tables;
            });
            long rebuilding = System.nanoTime();
            TrackingToken position = catchUp(run, shadow, null);
            long rebuilt = System.nanoTime();
            log.info("Replay rebuilt {} events in {} ms", run.processed.get(), (rebuilt - rebuilding) / 1_000_000);
            // outside a transaction: VACUUM resets the insert count that would start an autovacuum of the
            // fresh tables, whose lock the swap would then wait for and never be granted (Postgres cancels
            // a blocking autovacuum only after deadlock_timeout, longer than the swap's lock budget)
            shadow.vacuumAnalyze();
            run.phase = Phase.SWAPPING;
            long locked = swap(run, shadow, position);
            // the rebuilt tables are live now: failing to drop the retired ones fails nothing
            discardQuietly(shadow);
            publisher.publishEvent(new ProjectionsReplayed(projections.tables()));
            log.info("Replay finished: {} events, tables {} swapped in (locked for {} ms)", run.processed.get(),
                    projections.tables(), locked / 1_000_000);
        } catch (Exception | Error e) { // an Error too: a replay that did not swap never reads "finished"
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Replay failed; the live projections are untouched", e);
            if (shadow != null) {
                discardQuietly(shadow);
            }
        } finally {
            release(lock);
            run.finish(clock.instant(), error);
        }
    }

    /** Applies batches into the shadow tables until the store has nothing newer; answers the position reached. */
    private TrackingToken catchUp(Run run, ShadowTables shadow, TrackingToken from) {
        TrackingToken position = from;
        while (true) {
            checkNotStopping();
            TrackingToken start = position;
            Batch batch = inTransaction(() -> {
                shadow.route();
                shadow.skipCommitFlush();
                return apply(start, BATCH_SIZE);
            });
            run.processed.addAndGet(batch.events());
            if (batch.events() == 0) {
                return position;
            }
            position = batch.position();
        }
    }

    /**
     * One transaction: lock the live tables, apply what arrived since the catch-up, swap. A lock
     * not granted within the budget (commands or readers hold the tables) rolls it back; the
     * shadow catches up again and the swap is tried anew, for {@link #SWAP_PATIENCE} at most.
     * Answers how long the successful attempt held the live tables, in nanoseconds.
     */
    private long swap(Run run, ShadowTables shadow, TrackingToken from) throws InterruptedException {
        Duration budget = lockBudget();
        long giveUpAt = System.nanoTime() + SWAP_PATIENCE.toNanos();
        TrackingToken position = from;
        for (int attempt = 0; ; attempt++) {
            checkNotStopping();
            TrackingToken start = position;
            long[] lockedAt = new long[1];
            try {
                long applied = inTransaction(() -> {
                    shadow.lock(budget);
                    lockedAt[0] = System.nanoTime();
                    shadow.requireSameShape();
                    shadow.route();
                    long count = 0;
                    TrackingToken at = start;
                    for (Batch batch = apply(at, BATCH_SIZE); batch.events() > 0; batch = apply(at, BATCH_SIZE)) {
                        count += batch.events();
                        at = batch.position();
                    }
                    shadow.swap();
                    return count;
                });
                run.processed.addAndGet(applied);
                return System.nanoTime() - lockedAt[0];
            } catch (DataAccessException e) {
                if (!isLockTimeout(e) || System.nanoTime() > giveUpAt) {
                    throw e;
                }
                log.debug("Replay swap attempt {}: tables busy, catching up and trying again", attempt + 1);
            }
            position = catchUp(run, shadow, position);
            TimeUnit.MILLISECONDS.sleep(Math.min(2000, 50L << Math.min(attempt, 6)));
        }
    }

    private record Batch(int events, TrackingToken position) {
    }

    /** Up to {@code max} events after {@code from}, applied in the caller's transaction. */
    private Batch apply(TrackingToken from, int max) {
        int count = 0;
        TrackingToken position = from;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (count < max && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                projections.apply(event);
                position = event.trackingToken();
                count++;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A projection failed on a replayed event: " + e.getMessage(), e);
        }
        return new Batch(count, position);
    }

    /**
     * Half of Postgres' {@code deadlock_timeout} (at most {@link #MAX_LOCK_BUDGET}): a command
     * blocked by the swap's partial locks is released before Postgres would pick a deadlock victim.
     */
    private Duration lockBudget() {
        long deadlockMillis = jdbc.sql("SELECT setting::bigint FROM pg_settings WHERE name = 'deadlock_timeout'")
                .query(Long.class).single();
        return Duration.ofMillis(Math.max(10, Math.min(MAX_LOCK_BUDGET.toMillis(), deadlockMillis / 2)));
    }

    /** 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout). */
    private static boolean isLockTimeout(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return "55P03".equals(state) || "57014".equals(state);
            }
        }
        return false;
    }

    private Connection takeLock() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setInt(2, LOCK_OBJECT);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the replay lock", e);
        }
    }

    /** A session-level lock outlives the borrow: unlock before the pool reuses the connection, or drop it. */
    private static void release(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_OBJECT);
            statement.execute();
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not release the replay lock; discarding its connection", e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the session ends with the connection, and the lock with it
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    private void discardQuietly(ShadowTables shadow) {
        try {
            inTransaction(shadow::discard);
        } catch (RuntimeException e) {
            log.warn("Could not drop the replay's schemas; the next replay drops them", e);
        }
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new CancellationException("The application is stopping");
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private enum Phase {REBUILDING, SWAPPING}

    /** One replay's progress, written by the worker, read by requests. */
    private static final class Run {
        final Instant startedAt;
        final AtomicLong processed = new AtomicLong();
        volatile long total;
        volatile Phase phase = Phase.REBUILDING;
        volatile Instant finishedAt;
        volatile String error;

        Run(Instant startedAt) {
            this.startedAt = startedAt;
        }

        boolean running() {
            return finishedAt == null;
        }

        void finish(Instant at, String failure) {
            error = failure;
            finishedAt = at;
        }

        ReplayProgress progress() {
            Instant finished = finishedAt;
            long done = processed.get();
            String phaseName = finished == null ? phase.name().toLowerCase(Locale.ROOT)
                    : error == null ? "finished" : "failed";
            return new ReplayProgress(finished == null, phaseName, done, Math.max(total, done), startedAt, finished,
                    error);
        }
    }
}

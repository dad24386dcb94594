package studio.booking.query.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGStatement;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberRegistered;
import studio.booking.query.ReadSideTest;
import studio.booking.query.member.MembersProjection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The shadow schema and the swap on a real PostgreSQL: exact copies (names Flyway gave included),
 * writes routed by the search path, and commands blocked by the swap writing into the new tables.
 */
class ShadowTablesTest extends ReadSideTest {

    private static final List<String> TABLES = List.of("members", "instructor_availability", "availability_overrides",
            "private_lesson_bookings");

    /** Several connections (the base class has one), in Spring transactions like the application's. */
    private final DriverManagerDataSource pool = pool();
    private final JdbcClient pooled = JdbcClient.create(pool);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    private final ShadowTables shadow = ShadowTables.of(pooled, TABLES);

    private static DriverManagerDataSource pool() {
        try (Connection connection = DATA_SOURCE.getConnection()) {
            return new DriverManagerDataSource(connection.getMetaData().getURL(), "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void dropSchemas() {
        transactions.executeWithoutResult(s -> shadow.discard());
    }

    @Test
    void R3_shadow_tables_copy_the_live_ones_exactly_and_after_the_swap_the_live_schema_is_as_flyway_made_it() {
        Map<String, List<String>> flyway = catalog("public");
        assertThat(flyway.get("private_lesson_bookings")).anyMatch(line -> line.startsWith("constraint no_instructor_overlap"))
                .anyMatch(line -> line.startsWith("index no_instructor_overlap"));
        assertThat(flyway.get("members")).anyMatch(line -> line.startsWith("index members_email_lower_key"));

        transactions.executeWithoutResult(s -> shadow.create());

        assertThat(catalog(ShadowTables.SHADOW)).isEqualTo(flyway);
        transactions.executeWithoutResult(s -> {
            shadow.lock(Duration.ofSeconds(1));
            shadow.requireSameShape();
            shadow.swap();
        });
        assertThat(catalog("public")).isEqualTo(flyway);
        assertThat(catalog(ShadowTables.RETIRED)).isEqualTo(flyway);
    }

    @Test
    void R3_the_projections_own_sql_writes_into_the_shadow_tables_when_routed() {
        UUID live = register("Live");
        transactions.executeWithoutResult(s -> shadow.create());

        UUID rebuilt = transactions.execute(s -> {
            shadow.route();
            return register(new MembersProjection(pooled), "Rebuilt");
        });

        assertThat(ids("public.members")).contains(live).doesNotContain(rebuilt);
        assertThat(ids(ShadowTables.SHADOW + ".members")).containsExactly(rebuilt);
        assertThat(jdbc.sql("SELECT current_setting('search_path')").query(String.class).single())
                .as("the routing ends with its transaction").doesNotContain(ShadowTables.SHADOW);
    }

    @Test
    void R3_commands_blocked_by_the_swap_write_into_the_rebuilt_tables() throws Exception {
        transactions.executeWithoutResult(s -> shadow.create());
        try (Connection preparing = pool.getConnection(); Connection simple = pool.getConnection()) {
            // a server-side prepared statement, planned against the old table before the swap
            PreparedStatement prepared = preparing.prepareStatement(insertMember("?"));
            prepared.unwrap(PGStatement.class).setPrepareThreshold(1);
            UUID before = UUID.randomUUID();
            prepared.setObject(1, before);
            prepared.executeUpdate();
            UUID afterPrepared = UUID.randomUUID();
            UUID afterSimple = UUID.randomUUID();

            CompletableFuture<?>[] writers = new CompletableFuture<?>[2];
            transactions.executeWithoutResult(s -> {
                shadow.lock(Duration.ofSeconds(1));
                writers[0] = CompletableFuture.runAsync(() -> execute(() -> {
                    prepared.setObject(1, afterPrepared);
                    prepared.executeUpdate();
                }));
                writers[1] = CompletableFuture.runAsync(() -> execute(() -> {
                    try (Statement statement = simple.createStatement()) {
                        statement.executeUpdate(insertMember("'" + afterSimple + "'"));
                    }
                }));
                await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnMembers() == 2);
                shadow.swap();
            });
            CompletableFuture.allOf(writers).get();

            assertThat(ids("public.members")).containsExactlyInAnyOrder(afterPrepared, afterSimple);
            assertThat(ids(ShadowTables.RETIRED + ".members")).contains(before)
                    .doesNotContain(afterPrepared, afterSimple);
        }
    }

    @Test
    void R3_the_swap_lock_gives_up_within_its_budget_while_another_transaction_holds_a_table() throws Exception {
        transactions.executeWithoutResult(s -> shadow.create());
        try (Connection reader = pool.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("SELECT count(*) FROM private_lesson_bookings");
            }
            long started = System.nanoTime();
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> shadow.lock(Duration.ofMillis(100))))
                    .isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(sqlState(e)).isIn("55P03", "57014"));
            // not the statement's own wait, which would last until the reader let go
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            reader.rollback();
        }
        transactions.executeWithoutResult(s -> shadow.lock(Duration.ofMillis(100)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE public.members ADD COLUMN nickname TEXT | ALTER TABLE public.members DROP COLUMN nickname
            CREATE INDEX members_role_idx ON public.members (role) | DROP INDEX public.members_role_idx
            ALTER TABLE public.members ADD CONSTRAINT members_named CHECK (display_name <> '') | ALTER TABLE public.members DROP CONSTRAINT members_named
            ALTER TABLE public.members ALTER COLUMN display_name SET DEFAULT 'Member' | ALTER TABLE public.members ALTER COLUMN display_name DROP DEFAULT
            """)
    void R3_a_table_a_migration_changed_while_the_replay_ran_is_not_swapped(String migration, String undo) {
        transactions.executeWithoutResult(s -> shadow.create());
        pooled.sql(migration).update();
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                shadow.lock(Duration.ofSeconds(1));
                shadow.requireSameShape();
            })).hasMessageContaining("members changed");
        } finally {
            pooled.sql(undo).update();
        }
    }

    // ---- helpers ----

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void execute(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String insertMember(String id) {
        return "INSERT INTO members (id, email, display_name, role, created_at, updated_at) VALUES (" + id
                + ", 'w' || gen_random_uuid() || '@studio.test', 'Writer', 'member_full', now(), now())";
    }

    private long waitingOnMembers() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                         WHERE NOT l.granted AND c.relname = 'members'
                        """)
                .query(Long.class).single();
    }

    private UUID register(String name) {
        return register(membersProjection, name);
    }

    private static UUID register(MembersProjection projection, String name) {
        UUID id = UUID.randomUUID();
        projection.on(new MemberRegistered(id, name.toLowerCase() + "-" + id + "@studio.test", name, Role.MEMBER_FULL,
                null, null), Instant.parse("2026-01-05T10:00:00.123Z"));
        return id;
    }

    private List<UUID> ids(String table) {
        return jdbc.sql("SELECT id FROM " + table).query(UUID.class).list();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Columns (type, null, default), constraints and indexes (names and definitions) of each table in a schema. */
    private Map<String, List<String>> catalog(String schema) {
        Map<String, List<String>> catalog = new java.util.TreeMap<>();
        for (String table : TABLES) {
            String qualified = schema + "." + table;
            List<String> lines = new ArrayList<>();
            lines.addAll(jdbc.sql("""
                            SELECT 'column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                              FROM pg_attribute a
                              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                             WHERE a.attrelid = to_regclass(:t) AND a.attnum > 0 AND NOT a.attisdropped
                             ORDER BY a.attnum
                            """).param("t", qualified).query(String.class).list());
            lines.addAll(jdbc.sql("""
                            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
                              FROM pg_constraint WHERE conrelid = to_regclass(:t) ORDER BY conname
                            """).param("t", qualified).query(String.class).list());
            lines.addAll(jdbc.sql("""
                            SELECT 'index ' || c.relname || ' '
                                   || regexp_replace(pg_get_indexdef(i.indexrelid), ' ON \\S+ ', ' ON _ ')
                              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                             WHERE i.indrelid = to_regclass(:t) ORDER BY c.relname
                            """).param("t", qualified).query(String.class).list());
            assertThat(lines).as("catalog of %s", qualified).isNotEmpty();
            catalog.put(table, lines);
        }
        return catalog;
    }
}

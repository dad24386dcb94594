package studio.booking.query.replay;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of a rebuild (R3, docs/replay.md). A replay writes into copies of the projection
 * tables in {@value #SHADOW}; the swap then moves, in one transaction and under a lock, the live
 * tables to {@value #RETIRED} and the copies into the live schema. Every method runs in the
 * caller's transaction (the {@link JdbcClient} joins it).
 */
final class ShadowTables {

    static final String SHADOW = "projection_rebuild";
    static final String RETIRED = "projection_retired";

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final String live;

    private ShadowTables(JdbcClient jdbc, List<String> tables, String liveSchema) {
        this.jdbc = jdbc;
        this.tables = List.copyOf(tables);
        this.live = liveSchema;
    }

    /** For tables of the connection's current schema (where the projections' unqualified SQL lands). */
    static ShadowTables of(JdbcClient jdbc, List<String> tables) {
        String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();
        return new ShadowTables(jdbc, tables, schema);
    }

    String liveSchema() {
        return live;
    }

    /**
     * Empty copies of the live tables: columns, defaults, checks, indexes and the exclusion
     * constraint ({@code LIKE … INCLUDING ALL}), their indexes renamed to the live names so the
     * swapped-in tables are the ones Flyway made, down to the names a later migration may use.
     * Leftovers of an interrupted replay are dropped first.
     */
    void create() {
        discard();
        jdbc.sql("CREATE SCHEMA " + SHADOW).update();
        jdbc.sql("CREATE SCHEMA " + RETIRED).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + shadow(table) + " (LIKE " + live(table) + " INCLUDING ALL)").update();
            nameIndexesAsLive(table);
        }
    }

    /** Unqualified names now mean the shadow tables, until the transaction ends. */
    void route() {
        jdbc.sql("SELECT set_config('search_path', '" + SHADOW + ", ' || current_setting('search_path'), true)")
                .query(String.class).single();
    }

    /**
     * The rebuild's batches commit without waiting for the WAL flush: a crash loses at most a
     * shadow that is rebuilt anyway, and the swap's own (flushed) commit makes every earlier
     * write durable, the WAL being sequential.
     */
    void skipCommitFlush() {
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
    }

    /**
     * Fresh planner statistics, so the first queries after the swap plan as well as before it. Run
     * outside a transaction (VACUUM refuses to run inside one).
     */
    void vacuumAnalyze() {
        for (String table : tables) {
            jdbc.sql("VACUUM (ANALYZE) " + shadow(table)).update();
        }
    }

    /**
     * Takes every live and shadow table exclusively: no command writes the live tables any more
     * and every one that did has committed. Gives up (an exception with SQLSTATE 55P03 or 57014,
     * the transaction then rolls back) when the locks are not all held within {@code budget}, so a
     * command that waits for us while holding a lock we need is never the one Postgres' deadlock
     * detector aborts: keep the budget below {@code deadlock_timeout}.
     */
    void lock(Duration budget) {
        String timeout = "'" + Math.max(1, budget.toMillis()) + "ms'";
        jdbc.sql("SET LOCAL lock_timeout = " + timeout).update();
        jdbc.sql("SET LOCAL statement_timeout = " + timeout).update();
        List<String> all = new ArrayList<>();
        tables.forEach(t -> all.add(live(t)));
        tables.forEach(t -> all.add(shadow(t)));
        jdbc.sql("LOCK TABLE " + String.join(", ", all) + " IN ACCESS EXCLUSIVE MODE").update();
        jdbc.sql("SET LOCAL lock_timeout TO DEFAULT").update();
        jdbc.sql("SET LOCAL statement_timeout TO DEFAULT").update();
    }

    /**
     * A migration that changed a live table during the rebuild (a column, a default, an index, a
     * constraint) would be undone by the swap while Flyway counts it as applied: refuse.
     */
    void requireSameShape() {
        for (String table : tables) {
            String before = shape(live(table));
            String after = shape(shadow(table));
            if (!before.equals(after)) {
                throw new IllegalStateException("Table " + table + " changed while the replay ran (" + before
                        + " ≠ " + after + "): replay again");
            }
        }
    }

    private String shape(String qualifiedTable) {
        return columns(qualifiedTable) + "; indexes " + indexes(qualifiedTable) + "; constraints "
                + constraints(qualifiedTable);
    }

    /** Live tables out, rebuilt ones in. Statements waiting on the old tables resolve the names again. */
    void swap() {
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + live(table) + " SET SCHEMA " + RETIRED).update();
        }
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + shadow(table) + " SET SCHEMA " + quote(live)).update();
        }
    }

    /** Drops both schemas: the retired tables after a swap, the shadow ones after a failure. */
    void discard() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE").update();
    }

    private record Index(String name, String shape) {
    }

    /**
     * {@code LIKE} names copied indexes after their columns ({@code members_lower_idx}); the live
     * ones have Flyway's names ({@code members_email_lower_key}, {@code no_instructor_overlap}).
     * Indexes are paired by their definition (kind and everything after the table name), renamed
     * to a placeholder first so no new name collides with one still to be renamed. Renaming the
     * index of a primary key, unique or exclusion constraint renames the constraint too.
     */
    private void nameIndexesAsLive(String table) {
        Map<String, List<String>> liveNames = new HashMap<>();
        for (Index index : indexes(live(table))) {
            liveNames.computeIfAbsent(index.shape(), s -> new ArrayList<>()).add(index.name());
        }
        List<Index> copies = indexes(shadow(table));
        List<String> finalNames = new ArrayList<>();
        for (Index copy : copies) {
            List<String> candidates = liveNames.get(copy.shape());
            if (candidates == null || candidates.isEmpty()) {
                throw new IllegalStateException("No live index of " + table + " matches " + copy);
            }
            finalNames.add(candidates.remove(0));
        }
        if (liveNames.values().stream().anyMatch(names -> !names.isEmpty())) {
            throw new IllegalStateException("Not every index of " + table + " was copied: " + liveNames);
        }
        for (int i = 0; i < copies.size(); i++) {
            jdbc.sql("ALTER INDEX " + SHADOW + "." + quote(copies.get(i).name()) + " RENAME TO "
                    + quote("replay_index_" + i)).update();
        }
        for (int i = 0; i < copies.size(); i++) {
            jdbc.sql("ALTER INDEX " + SHADOW + "." + quote("replay_index_" + i) + " RENAME TO "
                    + quote(finalNames.get(i))).update();
        }
    }

    private List<Index> indexes(String qualifiedTable) {
        return jdbc.sql("""
                        SELECT c.relname AS name, coalesce(con.contype::text, '') AS kind,
                               pg_get_indexdef(i.indexrelid) AS definition
                          FROM pg_index i
                          JOIN pg_class c ON c.oid = i.indexrelid
                          LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                                      AND con.contype IN ('p', 'u', 'x')
                         WHERE i.indrelid = to_regclass(:table)
                         ORDER BY c.relname
                        """)
                .param("table", qualifiedTable)
                .query((rs, n) -> new Index(rs.getString("name"), rs.getString("kind") + ":"
                        + rs.getString("definition").replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ", "$1")))
                .list();
    }

    private String columns(String qualifiedTable) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                          || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                                          || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''),
                                          ', ' ORDER BY a.attnum), '')
                          FROM pg_attribute a
                          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                         WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
                        """)
                .param("table", qualifiedTable)
                .query(String.class).single();
    }

    private String constraints(String qualifiedTable) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(conname || ' ' || pg_get_constraintdef(oid), ', ' ORDER BY conname), '')
                          FROM pg_constraint
                         WHERE conrelid = to_regclass(:table)
                        """)
                .param("table", qualifiedTable)
                .query(String.class).single();
    }

    private String live(String table) {
        return quote(live) + "." + quote(table);
    }

    private static String shadow(String table) {
        return SHADOW + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

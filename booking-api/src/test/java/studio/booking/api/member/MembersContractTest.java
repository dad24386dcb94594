package studio.booking.api.member;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.list;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, Members: every role against every members endpoint, validation and the instructors list. */
@ApiTest
class MembersContractTest {

    @Autowired
    Api api;

    private static Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("display_name", "Someone");
        body.put("role", "member_full");
        body.put("password", Api.PASSWORD);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @Test
    void only_the_owner_reads_registers_and_patches_members_for_every_other_role() {
        Api.Member target = api.member("member_full");
        for (String role : List.of("guest", "member_limited", "member_full", "instructor")) {
            ApiClient client = api.member(role).client();
            client.get("/api/members").problem(403);
            client.post("/api/members", registration(Api.uniqueEmail("x"))).problem(403);
            client.patch("/api/members/" + target.id(), Map.of("display_name", "Hacked")).problem(403);
        }
        api.anonymous().get("/api/members").problem(401);
        assertThat(api.owner().get("/api/members").expect(200).json().path("members").toString())
                .doesNotContain("Hacked");
    }

    @Test
    void registration_checks_every_field_400_and_answers_201_with_data() {
        ApiClient owner = api.owner();
        Map<String, Object> valid = registration(Api.uniqueEmail("valid"));
        for (String field : List.of("email", "display_name", "role", "password")) {
            owner.post("/api/members", without(valid, field)).problem(400);
        }
        owner.post("/api/members", with(valid, "email", "not-an-email")).problem(400);
        owner.post("/api/members", with(valid, "role", "superuser")).problem(400);
        owner.post("/api/members", with(valid, "password", "short")).problem(400);
        owner.post("/api/members", with(valid, "time_zone", "Mars/Olympus")).problem(400);
        owner.post("/api/members", with(valid, "display_name", "  ")).problem(400);

        ApiClient.Response created = owner.post("/api/members", with(valid, "time_zone", "Europe/Madrid")).expect(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode data = created.json().path("data");
        assertThat(fieldNames(created.json())).containsExactly("data");
        assertThat(fieldNames(data)).contains("id", "email", "display_name", "role", "avatar_url");
        assertThat(data.path("role").asString()).isEqualTo("member_full");
        JsonNode me = api.anonymous().signIn((String) valid.get("email"), Api.PASSWORD).get("/api/me").expect(200)
                .json();
        assertThat(me.path("time_zone").asString()).isEqualTo("Europe/Madrid");
        // case-insensitive uniqueness, with spaces around too
        owner.post("/api/members", with(valid, "email", ((String) valid.get("email")).toUpperCase())).problem(409);
    }

    @Test
    void patch_validation_and_paths() {
        ApiClient owner = api.owner();
        Api.Member member = api.member("member_limited");
        owner.patch("/api/members/not-a-uuid", Map.of("display_name", "X")).problem(404);
        owner.patch("/api/members/" + UUID.randomUUID(), Map.of("display_name", "X")).problem(404);
        owner.patch("/api/members/" + member.id(), Map.of("display_name", "")).problem(400);
        owner.patch("/api/members/" + member.id(), Map.of("active", "perhaps")).problem(400);
        owner.patch("/api/members/" + member.id(), Map.of("time_zone", "Nowhere")).problem(400);
        owner.send("PATCH", "/api/members/" + member.id(), "{", "application/json").problem(400);
        JsonNode data = owner.patch("/api/members/" + member.id(), Map.of("avatar_url", "https://x.test/b.png",
                "unknown", 1)).expect(200).json().path("data");
        assertThat(data.path("avatar_url").asString()).isEqualTo("https://x.test/b.png");
        assertThat(data.path("display_name").asString()).startsWith("Test member_limited");
        assertThat(data.path("role").asString()).isEqualTo("member_limited");
    }

    @Test
    void instructors_lists_active_staff_with_exactly_the_contract_fields() {
        Api.Member instructor = api.instructor();
        Api.Member leaving = api.instructor();
        Api.Member member = api.member("member_full");
        api.owner().patch("/api/members/" + leaving.id(), Map.of("active", false)).expect(200);

        JsonNode body = member.client().get("/api/instructors").expect(200).json();
        assertThat(fieldNames(body)).containsExactly("instructors");
        List<JsonNode> rows = list(body.path("instructors"));
        rows.forEach(r -> assertThat(fieldNames(r)).containsExactlyInAnyOrder("id", "display_name", "avatar_url",
                "time_zone"));
        List<String> ids = rows.stream().map(r -> r.path("id").asString()).toList();
        JsonNode owner = api.owner().get("/api/me").expect(200).json();
        assertThat(ids).contains(instructor.id().toString(), owner.path("id").asString())
                .doesNotContain(leaving.id().toString(), member.id().toString());
    }

    @Test
    void an_instructor_demoted_to_member_can_no_longer_be_booked() {
        Api.Member instructor = api.instructor();
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "10:00", "11:00", 60).get(0);
        api.owner().patch("/api/members/" + instructor.id(), Map.of("role", "member_full")).expect(200);
        // B1: a member who no longer teaches is "Instructor not found", like any id that is no instructor
        api.member("member_full").client().post("/api/bookings", request(instructor.id(), slot)).problem(404);
        api.owner().patch("/api/members/" + instructor.id(), Map.of("role", "instructor")).expect(200);
        api.member("member_full").client().post("/api/bookings", request(instructor.id(), slot)).expect(201);
    }

    @Test
    void A4_a_demoted_instructor_no_longer_changes_the_availability_left_behind() {
        Api.Member instructor = api.instructor();
        UUID windowId = api.window(instructor.client(), instructor.id(), 3, "10:00", "11:00", 60);
        api.owner().patch("/api/members/" + instructor.id(), Map.of("role", "member_full")).expect(200);
        instructor.client().delete("/api/availability/" + windowId).problem(403);
        ApiClient.Response adding = instructor.client().post("/api/availability", Map.of("instructor_id",
                instructor.id().toString(), "day_of_week", 4, "start_time", "10:00", "end_time", "11:00"));
        assertThat(adding.status()).as(adding.body()).isIn(403, 404);
        api.owner().delete("/api/availability/" + windowId).expect(200);
    }
}

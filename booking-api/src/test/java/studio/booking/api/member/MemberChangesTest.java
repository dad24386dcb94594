package studio.booking.api.member;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiTest;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** API.md, Members: PATCH semantics, role changes and deactivation as the member's next request sees them. */
@ApiTest
class MemberChangesTest {

    @Autowired
    Api api;

    @Test
    void patch_of_another_field_keeps_a_member_without_a_zone_on_the_studio_zone() {
        Api.Member member = api.member("member_full");
        String studioZone = member.client().get("/api/me").expect(200).json().path("time_zone").asString();

        api.owner().patch("/api/members/" + member.id(), Map.of("display_name", "Renamed")).expect(200);

        // still following the studio: the stored zone stays empty, so the row is not pinned
        JsonNode me = member.client().get("/api/me").expect(200).json();
        assertThat(me.path("display_name").asString()).isEqualTo("Renamed");
        assertThat(me.path("time_zone").asString()).isEqualTo(studioZone);
        JsonNode history = api.owner().patch("/api/members/" + member.id(), Map.of("time_zone", "Asia/Tokyo"))
                .expect(200).json();
        assertThat(history.path("data").path("id").asString()).isEqualTo(member.id().toString());
        assertThat(member.client().get("/api/me").expect(200).json().path("time_zone").asString())
                .isEqualTo("Asia/Tokyo");
        api.owner().patch("/api/members/" + member.id(), Map.of("display_name", "Renamed Again")).expect(200);
        assertThat(member.client().get("/api/me").expect(200).json().path("time_zone").asString())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void a_member_demoted_to_guest_cannot_book_on_the_next_request() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        var slots = windowAndSlots(api, instructor, inDays(10), "10:00", "12:00", 60);
        book(member.client(), instructor.id(), slots.get(0));

        api.owner().patch("/api/members/" + member.id(), Map.of("role", "guest")).expect(200);

        member.client().post("/api/bookings", request(instructor.id(), slots.get(1))).problem(403);
        api.owner().patch("/api/members/" + member.id(), Map.of("role", "member_limited")).expect(200);
        book(member.client(), instructor.id(), slots.get(1));
    }

    /** Seed 7.5, a subscription that ends mid-booking: new requests check the role, confirmed lessons stay. */
    @Test
    void a_member_demoted_to_guest_keeps_a_confirmed_lesson_and_may_still_cancel_it() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        var slots = windowAndSlots(api, instructor, inDays(10), "10:00", "12:00", 60);
        String lesson = book(member.client(), instructor.id(), slots.get(0));
        instructor.client().post("/api/bookings/" + lesson + "/confirm", null).expect(200);

        api.owner().patch("/api/members/" + member.id(), Map.of("role", "guest")).expect(200);

        assertThat(status(member.client(), lesson)).isEqualTo("confirmed");
        assertThat(member.client().get("/api/bookings?member_id=" + member.id()).expect(200).json().path("data"))
                .hasSize(1);
        member.client().post("/api/bookings", request(instructor.id(), slots.get(1))).problem(403);
        member.client().post("/api/bookings/" + lesson + "/cancel", Map.of()).expect(200);
        assertThat(status(member.client(), lesson)).isEqualTo("cancelled_by_member");
    }

    @Test
    void deactivation_ends_the_session_blocks_sign_in_and_keeps_the_bookings() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        var slot = windowAndSlots(api, instructor, inDays(10), "14:00", "15:00", 60).get(0);
        String bookingId = book(member.client(), instructor.id(), slot);

        api.owner().patch("/api/members/" + member.id(), Map.of("active", false)).expect(200);

        member.client().get("/api/bookings").problem(401);
        member.client().post("/api/bookings/" + bookingId + "/cancel", Map.of()).problem(401);
        api.anonymous().post("/api/auth/login", Map.of("email", member.email(), "password", Api.PASSWORD))
                .problem(401);
        assertThat(status(instructor.client(), bookingId)).isEqualTo("pending");
        assertThat(api.owner().get("/api/bookings?member_id=" + member.id()).expect(200).json().path("data"))
                .hasSize(1);
    }

    @Test
    void members_list_shape_and_patch_answers_data() {
        Api.Member member = api.member("member_limited");
        JsonNode row = null;
        for (JsonNode m : api.owner().get("/api/members").expect(200).json().path("members")) {
            if (m.path("id").asString().equals(member.id().toString())) {
                row = m;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("email").asString()).isEqualTo(member.email());
        assertThat(row.path("role").asString()).isEqualTo("member_limited");
        assertThat(row.has("display_name") && row.has("avatar_url")).isTrue();
        api.member("member_full").client().get("/api/members").problem(403);
        api.member("guest").client().post("/api/members", Map.of()).problem(403);
    }
}

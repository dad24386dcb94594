package studio.booking.api.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import studio.booking.api.BookingApplication;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTestConfiguration;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/demo.md: the embedded default loads a demo studio through commands; its sign-ins work. */
@SpringBootTest(classes = BookingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"booking.data-dir=target/test-data/${random.uuid}", "booking.demo-data=true"})
@Import(ApiTestConfiguration.class)
class DemoStudioTest {

    @Autowired
    Api api;

    @Autowired
    DemoStudio demo;

    @Test
    void the_demo_sign_ins_of_docs_demo_md_work() {
        api.anonymous().signIn("owner@studio.test", "owner-demo-1").get("/api/members").expect(200);
        api.anonymous().signIn("maria@studio.test", "instructor-demo-1").get("/api/me").expect(200);
        api.anonymous().signIn("sam@studio.test", "member-demo-1").get("/api/me").expect(200);
        JsonNode me = api.anonymous().signIn("guest@studio.test", "member-demo-1").get("/api/me").expect(200).json();
        assertThat(me.path("role").asString()).isEqualTo("guest");
    }

    @Test
    void the_demo_studio_has_instructors_windows_requests_and_lessons() {
        ApiClient alex = api.anonymous().signIn("alex@studio.test", "member-demo-1");

        List<String> names = new ArrayList<>();
        alex.get("/api/instructors").expect(200).json().path("instructors")
                .forEach(i -> names.add(i.path("display_name").asString()));
        assertThat(names).contains("Maria Santos", "Carlos Rivera", "Jennifer Lee");

        List<String> statuses = new ArrayList<>();
        alex.get("/api/bookings").expect(200).json().path("data")
                .forEach(b -> statuses.add(b.path("status").asString()));
        assertThat(statuses).contains("pending", "confirmed");
    }

    @Test
    void alex_has_unread_messages_for_the_banner() {
        ApiClient alex = api.anonymous().signIn("alex@studio.test", "member-demo-1");

        List<String> senders = new ArrayList<>();
        alex.get("/api/bookings/unread").expect(200).json().path("unread")
                .forEach(u -> senders.add(u.path("sender_name").asString()));
        assertThat(senders).containsExactly("Carlos Rivera", "Maria Santos");
        List<Boolean> unread = new ArrayList<>();
        alex.get("/api/bookings").expect(200).json().path("data").forEach(b -> unread.add(b.path("unread").asBoolean()));
        assertThat(unread).contains(true, false);
    }

    @Test
    void the_demo_is_loaded_once() {
        demo.run(null);

        JsonNode members = api.anonymous().signIn("owner@studio.test", "owner-demo-1").get("/api/members")
                .expect(200).json().path("members");
        assertThat(members).hasSize(7);
    }
}

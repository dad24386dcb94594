package studio.booking.api.stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTest;
import studio.booking.api.support.EventStream;
import studio.booking.api.support.EventStream.Event;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static studio.booking.api.support.Lessons.BOOKING_FIELDS;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.booking;
import static studio.booking.api.support.Lessons.dayOfWeek;
import static studio.booking.api.support.Lessons.fieldNames;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.request;
import static studio.booking.api.support.Lessons.slots;
import static studio.booking.api.support.Lessons.windowAndSlots;
import static studio.booking.api.support.Lessons.with;

/** API.md, Stream: rule R1 through a real HTTP client reading {@code GET /api/stream} (docs/stream.md). */
@ApiTest
class StreamTest {

    @Autowired
    Api api;

    @Autowired
    StreamHub hub;

    private static Predicate<JsonNode> instructor(Api.Member instructor) {
        return json -> json.path("instructor_id").asString().equals(instructor.id().toString());
    }

    private static Predicate<JsonNode> isBooking(String id, String status) {
        return json -> json.path("id").asString().equals(id) && json.path("status").asString().equals(status);
    }

    /** "availability:<who>" or "booking:<status>": what a viewer saw, in order. */
    private static List<String> summary(List<Event> events, Map<String, String> names) {
        return events.stream().map(e -> e.name() + ":" + (e.name().equals("booking")
                ? e.json().path("status").asString()
                : names.getOrDefault(e.json().path("instructor_id").asString(), "?"))).toList();
    }

    @Test
    void R1_B8_each_event_reaches_exactly_who_may_see_it_and_a_guest_only_availability() {
        Api.Member instructor = api.instructor();
        Api.Member otherInstructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member otherMember = api.member("member_limited");
        Api.Member guest = api.member("guest");
        ApiClient owner = api.owner();
        Map<String, ApiClient> viewers = new LinkedHashMap<>();
        viewers.put("member", member.client());
        viewers.put("instructor", instructor.client());
        viewers.put("other instructor", otherInstructor.client());
        viewers.put("owner", owner);
        viewers.put("other member", otherMember.client());
        viewers.put("guest", guest.client());
        Map<String, EventStream> streams = new LinkedHashMap<>();
        viewers.forEach((who, client) -> streams.put(who, EventStream.open(client)));
        try {
            LocalDate day = inDays(9);
            api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "12:00", 60);
            JsonNode slot = slots(member.client(), instructor.id(), day).get(0);
            String id = book(member.client(), instructor.id(), slot);
            // (a payload is the state when it is read: confirm once the request is out)
            streams.get("instructor").await("booking", isBooking(id, "pending"));
            instructor.client().post("/api/bookings/" + id + "/confirm", Map.of()).expect(200);
            // everyone gets this one, after all of the above: what came before it is all they will get
            api.window(otherInstructor.client(), otherInstructor.id(), dayOfWeek(day), "08:00", "09:00", 60);

            Map<String, String> names = Map.of(instructor.id().toString(), "instructor",
                    otherInstructor.id().toString(), "other instructor");
            List<String> participant = List.of("availability:instructor", "booking:pending",
                    "availability:instructor", "booking:confirmed");
            List<String> outsider = List.of("availability:instructor", "availability:instructor");
            Map<String, List<String>> expected = Map.of("member", participant, "instructor", participant,
                    "other instructor", participant, "owner", participant, "other member", outsider,
                    "guest", outsider);
            streams.forEach((who, stream) -> assertThat(summary(stream.before("availability",
                    instructor(otherInstructor)), names)).as(who).isEqualTo(expected.get(who)));

            // a booking is what GET /api/bookings/:id answers that viewer
            for (String who : List.of("member", "instructor", "other instructor", "owner")) {
                JsonNode streamed = streams.get(who).events("booking").get(1).json();
                assertThat(fieldNames(streamed)).containsExactlyInAnyOrderElementsOf(BOOKING_FIELDS);
                assertThat(streamed).as(who).isEqualTo(booking(viewers.get(who), id));
            }
            List<String> ids = streams.get("owner").events().stream().map(Event::id).toList();
            assertThat(ids).allMatch(eventId -> eventId.matches("\\d+\\.\\d+@[0-9a-z]+"))
                    .extracting(eventId -> eventId.substring(eventId.indexOf('@'))).containsOnly(ids.get(0)
                            .substring(ids.get(0).indexOf('@')));
            assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        } finally {
            streams.values().forEach(EventStream::close);
        }
    }

    /** What a viewer saw, in order: "message:<content>", "unread:<flag>", "booking:<status>:<unread>", "availability". */
    private static List<String> thread(List<Event> events) {
        return events.stream().map(e -> switch (e.name()) {
            case "message" -> "message:" + e.json().path("content").asString();
            case "unread" -> "unread:" + e.json().path("unread").asBoolean();
            case "booking" -> "booking:" + e.json().path("status").asString() + ":" + e.json().path("unread").asBoolean();
            default -> e.name();
        }).toList();
    }

    /** R1's bound ("within 2 s"), on the other side of a request and of its confirmation. */
    @Test
    void R1_a_change_reaches_the_other_sides_stream_within_2_seconds() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "10:00", "12:00", 60).get(0);
        try (EventStream instructors = EventStream.open(instructor.client());
             EventStream members = EventStream.open(member.client())) {
            instructors.awaitConnected();
            members.awaitConnected();

            String id = book(member.client(), instructor.id(), slot);
            instructors.await("booking", isBooking(id, "pending"), Duration.ofSeconds(2));
            instructor.client().post("/api/bookings/" + id + "/confirm", Map.of()).expect(200);
            members.await("booking", isBooking(id, "confirmed"), Duration.ofSeconds(2));
            // seed 8, messaging: the other side's glow within 2 s
            instructor.client().post("/api/bookings/" + id + "/messages", Map.of("content", "See you then")).expect(201);
            members.await("unread", json -> json.path("booking_id").asString().equals(id)
                    && json.path("unread").asBoolean(), Duration.ofSeconds(2));
        }
    }

    /** Seed 7.4, two tabs: every stream a member holds gets the same changes. */
    @Test
    void R1_two_tabs_of_one_member_both_receive_every_change() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        JsonNode slot = windowAndSlots(api, instructor, inDays(9), "10:00", "12:00", 60).get(0);
        try (EventStream first = EventStream.open(member.client());
             EventStream second = EventStream.open(member.client())) {
            first.awaitConnected();
            second.awaitConnected();

            String id = book(member.client(), instructor.id(), slot);
            instructor.client().post("/api/bookings/" + id + "/confirm", Map.of()).expect(200);

            for (EventStream tab : List.of(first, second)) {
                tab.await("booking", isBooking(id, "confirmed"));
                assertThat(summary(tab.events("booking"), Map.of())).containsExactly("booking:pending", "booking:confirmed");
            }
        }
    }

    @Test
    void R1_M1_M2_messages_reach_who_may_read_the_thread_and_unread_only_the_participant_it_concerns() {
        Api.Member instructor = api.instructor();
        Api.Member otherInstructor = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member otherMember = api.member("member_full");
        LocalDate day = inDays(15);
        api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "11:00", 60);
        String id = book(member.client(), instructor.id(), slots(member.client(), instructor.id(), day).get(0));
        Map<String, ApiClient> viewers = new LinkedHashMap<>();
        viewers.put("member", member.client());
        viewers.put("instructor", instructor.client());
        viewers.put("other instructor", otherInstructor.client());
        viewers.put("owner", api.owner());
        viewers.put("other member", otherMember.client());
        viewers.put("guest", api.member("guest").client());
        Map<String, EventStream> streams = new LinkedHashMap<>();
        viewers.forEach((who, client) -> streams.put(who, EventStream.open(client)));
        try {
            JsonNode question = member.client().post("/api/bookings/" + id + "/messages",
                    Map.of("content", "Can we work on <b>cross-body lead</b>?")).expect(201).json().path("data");
            // the instructor has something unread: their booking says so, nobody else's
            instructor.client().post("/api/bookings/" + id + "/confirm", Map.of()).expect(200);
            // (a payload is the state when it is read: read the thread only once the confirmation is out)
            streams.get("instructor").await("booking", isBooking(id, "confirmed"));
            instructor.client().get("/api/bookings/" + id + "/messages").expect(200);
            instructor.client().post("/api/bookings/" + id + "/messages", Map.of("content", "Sure!")).expect(201);
            api.window(otherInstructor.client(), otherInstructor.id(), dayOfWeek(day), "08:00", "09:00", 60);

            String asked = "message:Can we work on <b>cross-body lead</b>?";
            List<String> staff = List.of(asked, "availability", "booking:confirmed:false", "message:Sure!");
            Map<String, List<String>> expected = Map.of(
                    "member", List.of(asked, "availability", "booking:confirmed:false", "message:Sure!", "unread:true"),
                    "instructor", List.of(asked, "unread:true", "availability", "booking:confirmed:true",
                            "unread:false", "message:Sure!"),
                    "other instructor", staff, "owner", staff,
                    "other member", List.of("availability"), "guest", List.of("availability"));
            streams.forEach((who, stream) -> assertThat(thread(stream.before("availability",
                    instructor(otherInstructor)))).as(who).isEqualTo(expected.get(who)));

            // the message as the thread's API shows it; its unread is the next event of the same stored event
            List<Event> instructorSaw = streams.get("instructor").events();
            assertThat(instructorSaw.get(0).json()).isEqualTo(question);
            assertThat(instructorSaw.get(1).json().path("booking_id").asString()).isEqualTo(id);
            String messageId = instructorSaw.get(0).id();
            assertThat(instructorSaw.get(1).id()).isEqualTo(messageId.replace(".0@", ".1@"));
        } finally {
            streams.values().forEach(EventStream::close);
        }
    }

    @Test
    void R1_B8_a_guest_who_is_a_bookings_member_receives_that_booking_as_the_API_shows_it() {
        Api.Member instructor = api.instructor();
        Api.Member fence = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate day = inDays(16);
        api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "11:00", 60);
        String id = book(member.client(), instructor.id(), slots(member.client(), instructor.id(), day).get(0));
        // booked, then made a guest: the REST API still shows them their booking and its thread
        try (EventStream asMember = EventStream.open(member.client())) {
            api.owner().patch("/api/members/" + member.id(), Map.of("role", "guest")).expect(200);
            asMember.awaitEnd(); // the role change has reached the streams: a stream opened now stays open
        }
        member.client().get("/api/bookings/" + id).expect(200);

        try (EventStream stream = EventStream.open(member.client())) {
            instructor.client().post("/api/bookings/" + id + "/messages", Map.of("content", "See you then")).expect(201);
            instructor.client().post("/api/bookings/" + id + "/confirm", Map.of()).expect(200);
            api.window(fence.client(), fence.id(), dayOfWeek(day), "08:00", "09:00", 60);

            assertThat(thread(stream.before("availability", instructor(fence)))).containsExactly(
                    "message:See you then", "unread:true", "availability", "booking:confirmed:true");
        }
    }

    @Test
    void R1_a_reconnect_with_Last_Event_ID_receives_what_it_missed_and_nothing_it_may_not_see() {
        Api.Member instructor = api.instructor();
        Api.Member fence = api.instructor();
        Api.Member member = api.member("member_full");
        Api.Member otherMember = api.member("member_full");
        LocalDate day = inDays(10);

        Event seen;
        try (EventStream first = EventStream.open(member.client())) {
            api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "13:00", 60);
            seen = first.await("availability", instructor(instructor));
        }
        List<JsonNode> slots = slots(member.client(), instructor.id(), day);
        String mine = book(member.client(), instructor.id(), slots.get(0));
        book(otherMember.client(), instructor.id(), slots.get(1));
        api.window(instructor.client(), instructor.id(), dayOfWeek(day.plusDays(1)), "10:00", "11:00", 60);

        try (EventStream again = EventStream.open(member.client(), seen.id())) {
            api.window(fence.client(), fence.id(), dayOfWeek(day), "08:00", "09:00", 60);
            List<Event> missed = again.before("availability", instructor(fence));
            assertThat(missed).hasSize(2);
            assertThat(missed.get(0).name()).isEqualTo("booking");
            assertThat(missed.get(0).json().path("id").asString()).isEqualTo(mine);
            assertThat(missed.get(1).name()).isEqualTo("availability");
            assertThat(missed.get(1).json().path("instructor_id").asString()).isEqualTo(instructor.id().toString());
        }
    }

    @Test
    void R1_a_client_that_saw_no_event_before_it_lost_the_connection_still_catches_up() {
        Api.Member instructor = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate day = inDays(11);
        try (EventStream instructors = EventStream.open(instructor.client())) {
            api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "11:00", 60);
            instructors.await("availability", instructor(instructor)); // streamed: not news for what follows
        }

        String position;
        try (EventStream idle = EventStream.open(member.client())) {
            // no event, but the stream's first frame sets the id a browser reconnects with
            idle.awaitConnected();
            position = idle.lastEventId();
            assertThat(idle.events()).isEmpty();
        }
        String mine = book(member.client(), instructor.id(), slots(member.client(), instructor.id(), day).get(0));

        try (EventStream again = EventStream.open(member.client(), position)) {
            assertThat(again.await("booking", isBooking(mine, "pending"))).isEqualTo(again.events().get(0));
        }
    }

    @Test
    void R1_an_unknown_or_malformed_Last_Event_ID_gets_a_resync_whose_id_resumes_the_stream() {
        Api.Member member = api.member("member_full");
        for (String unknown : List.of("999999999999.0", "999999999999", "not-an-id", "12.x")) {
            Api.Member instructor = api.instructor();
            String resumeFrom;
            try (EventStream stream = EventStream.open(member.client(), unknown)) {
                Event resync = stream.await("resync", json -> true);
                assertThat(stream.events().get(0)).as(unknown).isEqualTo(resync);
                assertThat(resync.json().path("reason").asString()).isEqualTo("unknown_last_event_id");
                resumeFrom = resync.id();
            }
            api.window(instructor.client(), instructor.id(), dayOfWeek(inDays(12)), "10:00", "11:00", 60);
            try (EventStream resumed = EventStream.open(member.client(), resumeFrom)) {
                resumed.await("availability", instructor(instructor));
                assertThat(resumed.events("resync")).isEmpty();
            }
        }
    }

    @Test
    void R1_a_client_that_stops_reading_holds_no_one_back_and_is_dropped() throws IOException {
        Api.Member instructor = api.instructor();
        Api.Member watcher = api.instructor(); // staff: receives every booking
        Api.Member member = api.member("member_full");
        LocalDate day = inDays(14);
        api.window(instructor.client(), instructor.id(), dayOfWeek(day), "10:00", "11:00", 60);
        JsonNode slot = slots(member.client(), instructor.id(), day).get(0);
        Map<String, Object> bigRequest = with(request(instructor.id(), slot), "notes", "n".repeat(2000));

        try (Socket stuck = new Socket()) {
            // the watcher's stream on a socket nobody reads
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("localhost", api.port()));
            stuck.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nConnection: close\r\n"
                    + "Cookie: JSESSIONID=" + watcher.client().cookie("JSESSIONID").orElseThrow() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(EventStream.PROMPTLY).until(() -> hub.openStreams(watcher.id()) == 1);

            // every booking carries 2 KB of notes: its queue (64 in the tests) and the small socket buffers
            // of the tests fill after some 40 requests and declines
            try (EventStream reading = EventStream.open(member.client())) {
                for (int i = 0; i < 100 && hub.openStreams(watcher.id()) > 0; i++) {
                    String id = member.client().post("/api/bookings", bigRequest).expect(201).json()
                            .path("booking_id").asString();
                    reading.await("booking", isBooking(id, "pending"));
                    instructor.client().post("/api/bookings/" + id + "/decline", Map.of()).expect(200);
                    reading.await("booking", isBooking(id, "declined"));
                }
            }
            // dropped, and ended when it did not even take its resync within a heartbeat
            await().atMost(EventStream.PROMPTLY).until(() -> hub.openStreams(watcher.id()) == 0);
            assertThat(readWhatArrives(stuck)).startsWith("HTTP/1.1 200").contains("event: booking");
        }
    }

    /** What the socket delivers until it ends or stays quiet for a second. */
    private static String readWhatArrives(Socket socket) throws IOException {
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // all there was
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void R1_signing_out_ends_the_sessions_streams() {
        Api.Member member = api.member("member_full");
        try (EventStream stream = EventStream.open(member.client())) {
            stream.awaitConnected();
            member.client().post("/api/auth/logout", Map.of()).expect(204);
            stream.awaitEnd();
        }
        member.client().get("/api/stream").problem(401);
    }

    /** B8 on the stream: a browser signed in as someone else no longer receives the first member's events. */
    @Test
    void R1_signing_in_as_someone_else_ends_the_sessions_streams_signing_in_again_keeps_them() {
        Api.Member member = api.member("member_full");
        Api.Member other = api.member("member_limited");
        try (EventStream stream = EventStream.open(member.client())) {
            stream.awaitConnected();
            member.client().signIn(member.email(), Api.PASSWORD);
            assertThat(hub.openStreams(member.id())).as("the same member again: a renewed session").isOne();

            member.client().signIn(other.email(), Api.PASSWORD);

            stream.awaitEnd();
        }
        assertThat(member.client().get("/api/me").expect(200).json().path("id").asString())
                .isEqualTo(other.id().toString());
    }

    @Test
    void R1_a_role_change_or_deactivation_ends_the_members_streams() {
        Api.Member member = api.member("member_full");
        ApiClient owner = api.owner();
        try (EventStream stream = EventStream.open(member.client())) {
            stream.awaitConnected();
            owner.patch("/api/members/" + member.id(), Map.of("role", "instructor")).expect(200);
            stream.awaitEnd();
        }
        try (EventStream asInstructor = EventStream.open(member.client())) {
            asInstructor.awaitConnected();
            owner.patch("/api/members/" + member.id(), Map.of("active", false)).expect(200);
            asInstructor.awaitEnd();
        }
        member.client().get("/api/stream").problem(401);
    }

    @Test
    void R1_an_idle_stream_gets_heartbeats() {
        try (EventStream stream = EventStream.open(api.member("guest").client())) {
            // booking.stream.heartbeat is PT1S in the tests (15 s by default)
            await().atMost(EventStream.PROMPTLY).until(() -> stream.comments() >= 2);
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void R1_the_stream_is_for_signed_in_users_only() {
        api.anonymous().get("/api/stream").problem(401);
    }

    @Test
    void R1_a_request_that_accepts_no_event_stream_is_406() {
        api.member("member_full").client().get("/api/stream").problem(406);
    }

    @Test
    void R1_every_role_may_open_a_stream() {
        List<ApiClient> clients = List.of(api.member("guest").client(), api.member("member_limited").client(),
                api.member("member_full").client(), api.instructor().client(), api.owner());
        for (ApiClient client : clients) {
            try (EventStream stream = EventStream.open(client)) {
                stream.awaitConnected();
            }
        }
    }
}

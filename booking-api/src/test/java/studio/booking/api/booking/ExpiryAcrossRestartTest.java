package studio.booking.api.booking;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import studio.booking.api.BookingApplication;
import studio.booking.api.support.Api;
import studio.booking.api.support.ApiClient;
import studio.booking.api.support.ApiTestConfiguration;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.status;
import static org.awaitility.Awaitility.await;

/**
 * B5: the expiry deadline lives in the database (db-scheduler), not in the memory of one run: a
 * request made before a stop is still pending after the next start, and expires when its time comes.
 */
class ExpiryAcrossRestartTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void B5_a_pending_request_outlives_a_stop_and_expires_after_the_next_start() {
        String[] settings = {
                "--server.port=0",
                "--booking.data-dir=target/test-data/restart-" + UUID.randomUUID(),
                "--booking.demo-data=false",
                "--booking.owner.email=" + Api.OWNER_EMAIL,
                "--booking.owner.password=" + Api.OWNER_PASSWORD,
                "--booking.pending-expiry=PT1H",
                "--axoniq.update-checker.disabled=true",
        };
        UUID bookingId;
        UUID memberId;
        try (ConfigurableApplicationContext first = start(settings)) {
            assertThat(first.getBean(DeadlineManager.class))
                    .as("the deadline manager in use is the persistent one")
                    .isInstanceOf(DbSchedulerDeadlineManager.class);
            Api api = Api.on(port(first));
            Api.Member instructor = api.instructor();
            for (int day = 0; day < 7; day++) {
                api.window(instructor.client(), instructor.id(), day, "00:00", "23:00", 60);
            }
            Api.Member member = api.member("member_full");
            memberId = member.id();
            LocalDate today = LocalDate.now(NEW_YORK);
            JsonNode slot = member.client().get("/api/slots/" + instructor.id() + "?start=" + today.plusDays(2)
                    + "&end=" + today.plusDays(3)).expect(200).json().path("slots").get(0);
            bookingId = UUID.fromString(book(member.client(), instructor.id(), slot));
            assertThat(status(member.client(), bookingId.toString())).isEqualTo("pending");
        }

        try (ConfigurableApplicationContext second = start(settings)) {
            Api api = Api.on(port(second));
            ApiClient owner = api.owner();
            assertThat(status(owner, bookingId.toString())).as("not due yet").isEqualTo("pending");
            // the hour passes: the deadline stored by the first run comes due
            int due = second.getBean(JdbcClient.class).sql("UPDATE scheduled_tasks SET execution_time = now()"
                    + " WHERE task_name = 'AxonDeadline' AND NOT picked").update();
            assertThat(due).as("the first run's expiry deadline is stored").isOne();
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    assertThat(status(owner, bookingId.toString())).isEqualTo("expired"));
            assertThat(owner.get("/api/bookings?member_id=" + memberId).expect(200).json().path("data"))
                    .hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(String[] settings) {
        return new SpringApplicationBuilder(BookingApplication.class, ApiTestConfiguration.class).run(settings);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}

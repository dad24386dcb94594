package studio.booking.api.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static studio.booking.api.support.Lessons.book;
import static studio.booking.api.support.Lessons.inDays;
import static studio.booking.api.support.Lessons.status;
import static studio.booking.api.support.Lessons.windowAndSlots;

/** Issue 4, item 5: the owner's "All" calendar and an instructor's powers over every instructor. */
@UiTest
class OwnerUiTest {

    @Autowired
    Api api;

    @Test
    void the_all_pill_shows_every_instructors_bookings_and_the_owner_confirms_but_only_reads_threads(Ui ui) {
        Api.Member maria = api.instructor();
        Api.Member carlos = api.instructor();
        Api.Member member = api.member("member_full");
        LocalDate date = inDays(7);
        List<JsonNode> mariaSlots = windowAndSlots(api, maria, date, "10:00", "11:00", 60);
        List<JsonNode> carlosSlots = windowAndSlots(api, carlos, date, "15:00", "16:00", 60);
        String withMaria = book(member.client(), maria.id(), mariaSlots.get(0));
        String withCarlos = book(member.client(), carlos.id(), carlosSlots.get(0));
        member.client().post("/api/bookings/" + withCarlos + "/messages", Map.of("content", "Is salsa OK?")).expect(201);

        Ui.Session owner = ui.signIn(Api.OWNER_EMAIL, Api.OWNER_PASSWORD);
        assertThat(owner.page().locator("instructor-pills button[data-instructor=all]")).hasAttribute("aria-pressed", "true");
        Locator panel = owner.openDay(date);
        assertThat(panel.locator("button[data-booking='" + withMaria + "'] .who")).hasText(Fixtures.name(member) + " with " + Fixtures.name(maria));
        assertThat(panel.locator("button[data-booking='" + withCarlos + "'] .who")).hasText(Fixtures.name(member) + " with " + Fixtures.name(carlos));

        // a thread the owner takes no part in: read only
        panel.locator("button[data-booking='" + withCarlos + "']").click();
        assertThat(owner.sheet().locator(".thread .bubble")).hasText("Is salsa OK?");
        assertThat(owner.composer()).hasCount(0);
        assertThat(owner.sheet().locator(".composer")).containsText("you can read the thread");
        // but confirms like the instructor
        owner.sheet().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
        assertThat(owner.status()).hasText("Confirmed");
        org.assertj.core.api.Assertions.assertThat(status(member.client(), withCarlos)).isEqualTo("confirmed");

        // and edits another instructor's availability
        owner.page().keyboard().press("Escape");
        owner.page().getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Availability")).click();
        owner.pill(Fixtures.name(maria));
        assertThat(owner.page().locator("table.rows tbody tr").first()).containsText("10:00–11:00");
    }
}

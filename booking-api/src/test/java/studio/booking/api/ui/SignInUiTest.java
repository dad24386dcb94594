package studio.booking.api.ui;

import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 4, item 1: sign-in, the signed-in name and role, sign-out. */
@UiTest
class SignInUiTest {

    @Autowired
    Api api;

    /** A returning member's page that cannot reach the studio at first keeps trying; it does not sign them out. */
    @Test
    void a_returning_member_whose_first_answers_failed_stays_signed_in(Ui ui) {
        Api.Member member = api.member("member_full");
        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD).allowFailedRequest(503);
        AtomicInteger unavailable = new AtomicInteger(2); // the page's early ask and its first own one
        alex.page().route("**/api/me", route -> {
            if (unavailable.getAndDecrement() > 0) {
                route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                        .setBody("{\"status\":503,\"detail\":\"The studio is restarting\"}"));
            } else {
                route.resume();
            }
        });
        alex.reload(); // waits for the signed-in name
        assertThat(alex.page().locator(".user-name")).hasText(Fixtures.name(member));
        org.assertj.core.api.Assertions.assertThat(unavailable.get()).as("answers refused").isNegative();
    }

    @Test
    void a_member_signs_in_sees_name_and_role_and_signs_out(Ui ui) {
        Api.Member member = api.member("member_full");
        Ui.Session alex = ui.open(Ui.DESKTOP);
        assertThat(alex.page()).hasURL(ui.baseUrl() + "/sign-in");
        alex.signIn(member.email(), Api.PASSWORD);

        assertThat(alex.page().locator(".user-name")).hasText(Fixtures.name(member));
        assertThat(alex.page().locator(".topbar .role")).hasText("Member");
        assertThat(alex.page()).hasURL(ui.baseUrl() + "/");
        assertThat(alex.page().locator("h1")).hasText("Private Lessons");

        alex.button("Sign out").click();
        assertThat(alex.page()).hasURL(ui.baseUrl() + "/sign-in");
        assertThat(alex.page().locator("#sign-in-title")).isVisible();
        // signed out stays signed out on a reload (and asks the API nothing that fails)
        alex.page().reload();
        assertThat(alex.page().locator("#sign-in-title")).isVisible();
    }

    @Test
    void signing_out_while_the_page_still_waits_for_answers_ends_cleanly(Ui ui) {
        Api.Member member = api.member("member_full");
        Ui.Session alex = ui.open(Ui.DESKTOP);
        // the unread banner's answer is held back until the session has ended on the server
        String unread = ui.baseUrl() + "/api/bookings/unread";
        List<Route> held = new ArrayList<>();
        AtomicBoolean over = new AtomicBoolean();
        alex.page().route(unread, held::add);
        alex.page().onRequestFinished(request -> over.compareAndSet(false, request.url().equals(unread)));
        alex.page().onRequestFailed(request -> over.compareAndSet(false, request.url().equals(unread)));
        alex.signIn(member.email(), Api.PASSWORD);
        alex.page().waitForCondition(() -> !held.isEmpty());

        alex.page().waitForResponse(ui.baseUrl() + "/api/auth/logout", () -> alex.button("Sign out").click());
        held.forEach(Route::resume);
        alex.page().waitForCondition(over::get);
        assertThat(alex.page().locator("#sign-in-title")).isVisible();
        // the closing check: the held request, which the server answers 401 now, logged nothing
    }

    @Test
    void a_wrong_password_is_told_inline(Ui ui) {
        Api.Member member = api.member("member_full");
        Ui.Session session = ui.open(Ui.DESKTOP).allowFailedRequest(401);
        session.page().getByLabel("Email").fill(member.email());
        session.page().getByLabel("Password").fill("not-the-password");
        session.button("Sign in").click();
        assertThat(session.page().getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .hasText("Wrong email or password.");
    }

    @Test
    void staff_see_their_role_and_the_availability_page_survives_a_reload(Ui ui) {
        Api.Member instructor = api.instructor();
        Ui.Session maria = ui.signIn(instructor.email(), Api.PASSWORD);
        assertThat(maria.page().locator(".topbar .role")).hasText("Instructor");
        maria.page().getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Availability")).click();
        assertThat(maria.page()).hasURL(ui.baseUrl() + "/availability");
        maria.reload();
        assertThat(maria.page().locator("#weekly-title")).hasText("Weekly hours");
    }
}

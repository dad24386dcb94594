package studio.booking.api.ui;

import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.support.Api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, speed: a returning member's first screen does not wait for {@code /api/me} to ask for
 * its calendar and lessons (index.html asks for what the first screen asked last time, before any
 * module has arrived), and the page takes those answers instead of asking again.
 */
@UiTest
class FirstScreenUiTest {

    /** Up to the first calendar on screen: how often the page asked for a calendar, and for the lessons. */
    private static final String ASKED_BEFORE_READY = """
            ([calendar, lessons]) => {
              const ready = performance.getEntriesByName('calendar-ready')[0].startTime;
              const asked = performance.getEntriesByType('resource').filter((e) => e.startTime < ready).map((e) => e.name);
              return [asked.filter((n) => n.startsWith(calendar)).length, asked.filter((n) => n === lessons).length];
            }""";

    @Autowired
    Api api;

    @Test
    void a_returning_member_has_calendar_and_lessons_asked_for_before_api_me_answers_and_asked_once(Ui ui) {
        api.instructor(); // someone to book with
        Api.Member member = api.member("member_full");
        Ui.Session alex = ui.signIn(member.email(), Api.PASSWORD).calendarLoaded();
        String calendar = ui.baseUrl() + "/api/calendar/";
        String lessons = ui.baseUrl() + "/api/bookings?member_id=" + member.id();

        List<String> asked = new CopyOnWriteArrayList<>();
        List<Route> me = new CopyOnWriteArrayList<>();
        alex.page().onRequest(request -> asked.add(request.url()));
        alex.page().route(ui.baseUrl() + "/api/me", me::add);
        alex.page().reload();
        // /api/me is held back, and yet both are on their way
        alex.page().waitForCondition(() -> !me.isEmpty()
                && asked.stream().anyMatch(u -> u.startsWith(calendar)) && asked.contains(lessons));

        me.forEach(Route::resume);
        alex.calendarLoaded();
        assertThat(alex.page().evaluate(ASKED_BEFORE_READY, List.of(calendar, lessons))).isEqualTo(List.of(1, 1));
    }
}

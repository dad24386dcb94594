package studio.booking.command.booking;

import org.junit.jupiter.api.Test;
import studio.booking.command.member.MemberRecord;
import studio.booking.command.support.TestDatabase;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.common.Role;
import studio.booking.messages.slots.Slot;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cmd_bookings against a real PostgreSQL. */
class BookingLookupTest {

    private static final Instant START = Instant.parse("2030-03-07T15:00:00Z");
    private final BookingLookup lookup = new BookingLookup(TestDatabase.jdbc());
    private final UUID instructor = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();

    private UUID request(UUID memberId, Instant start, int minutes) {
        UUID id = UUID.randomUUID();
        lookup.on(new BookingRequested(id, instructor, memberId, start, start.plus(Duration.ofMinutes(minutes)), null,
                start));
        return id;
    }

    private static Slot slot(Instant start, int minutes) {
        return new Slot(start, start.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void finds_the_instructor_of_a_booking() {
        UUID id = request(member, START, 60);
        assertThat(lookup.instructorOf(id)).contains(instructor);
        assertThat(lookup.instructorOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void B1_request_facts_identical_pending_request_and_pending_count() {
        UUID id = request(member, START, 60);
        request(member, START.plus(Duration.ofDays(1)), 60);
        assertThat(facts(START, 60).identicalPending()).contains(id);
        assertThat(facts(START, 30).identicalPending()).isEmpty();
        assertThat(facts(START, 60).pendingCount()).isEqualTo(2);
        lookup.on(new BookingCancelled(id, instructor, member, BookingStatus.CANCELLED_BY_MEMBER, member, null, false));
        assertThat(facts(START, 60).identicalPending()).isEmpty();
        assertThat(facts(START, 60).pendingCount()).isEqualTo(1);
    }

    @Test
    void B1_request_facts_confirmed_overlap_and_the_people_involved() {
        UUID staff = UUID.randomUUID();
        member(instructor, Role.INSTRUCTOR, "Europe/Vienna");
        member(staff, Role.OWNER, null);
        member(member, Role.MEMBER_FULL, null);
        UUID other = request(UUID.randomUUID(), START.plus(Duration.ofMinutes(30)), 60);
        assertThat(facts(START, 60).confirmedOverlap()).isFalse();
        lookup.on(new BookingConfirmed(other, instructor, member, START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofMinutes(90))));
        assertThat(facts(START, 30).confirmedOverlap()).isFalse(); // touching is not overlapping
        RequestFacts facts = lookup.requestFacts(staff, member, instructor, member, START, START.plus(Duration.ofHours(1)));
        assertThat(facts.confirmedOverlap()).isTrue();
        assertThat(facts.requester()).map(MemberRecord::role).contains(Role.OWNER);
        assertThat(facts.member()).map(MemberRecord::memberId).contains(member);
        assertThat(facts.instructor()).map(MemberRecord::timeZone).contains("Europe/Vienna");
        RequestFacts unknown = lookup.requestFacts(UUID.randomUUID(), null, UUID.randomUUID(), null, null, null);
        assertThat(unknown.requester()).isEmpty();
        assertThat(unknown.member()).isEmpty();
        assertThat(unknown.instructor()).isEmpty();
        assertThat(unknown.identicalPending()).isEmpty();
        assertThat(unknown.pendingCount()).isZero();
    }

    /** A cmd_members row as the member lookup writes it. */
    private static void member(UUID id, Role role, String zone) {
        TestDatabase.jdbc().sql("INSERT INTO cmd_members (member_id, email, role, active, time_zone) VALUES (?, ?, ?, true, ?)")
                .params(id, id + "@studio.test", role.wire(), zone).update();
    }

    private RequestFacts facts(Instant start, int minutes) {
        return lookup.requestFacts(member, null, instructor, member, start, start.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void B2_overlapping_bookings_by_status() {
        UUID confirmed = request(member, START, 60);
        UUID rival = request(UUID.randomUUID(), START.plus(Duration.ofMinutes(30)), 60);
        UUID touching = request(UUID.randomUUID(), START.plus(Duration.ofMinutes(60)), 60);
        lookup.on(new BookingConfirmed(confirmed, instructor, member, START, START.plus(Duration.ofHours(1))));
        assertThat(lookup.overlapping(instructor, BookingStatus.CONFIRMED, slot(START.plus(Duration.ofMinutes(59)), 60)))
                .extracting(BookingRef::bookingId).containsExactly(confirmed);
        assertThat(lookup.overlapping(instructor, BookingStatus.PENDING, slot(START, 60)))
                .extracting(BookingRef::bookingId).containsExactly(rival).doesNotContain(touching);
    }

    @Test
    void A3_upcoming_pending_and_confirmed_bookings() {
        UUID past = request(member, START.minus(Duration.ofDays(10)), 60);
        UUID pending = request(member, START, 60);
        UUID confirmed = request(UUID.randomUUID(), START.plus(Duration.ofHours(2)), 60);
        lookup.on(new BookingConfirmed(confirmed, instructor, member, START, START.plus(Duration.ofHours(1))));
        assertThat(lookup.upcoming(instructor, START.minus(Duration.ofDays(1))))
                .extracting(BookingRef::bookingId).containsExactly(pending, confirmed).doesNotContain(past);
        assertThat(lookup.upcoming(instructor, START.minus(Duration.ofDays(1))).get(1).status())
                .isEqualTo(BookingStatus.CONFIRMED);
    }
}

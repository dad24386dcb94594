package studio.booking.command.booking;

import org.junit.jupiter.api.Test;
import studio.booking.command.member.MemberRecord;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.slots.Slot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** B1's decisions, and B2's choice of competing requests, without a database. */
class BookingRequestRulesTest {

    private static final Instant NOW = Instant.parse("2030-03-04T15:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(2));
    private static final UUID INSTRUCTOR = UUID.randomUUID();
    private static final Actor MEMBER = new Actor(UUID.randomUUID(), Role.MEMBER_LIMITED);
    private static final Actor STAFF = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private static final BookingSettings SETTINGS = BookingSettings.defaults();

    private static Optional<MemberRecord> record(Actor actor) {
        return record(actor.id(), actor.role(), true);
    }

    private static Optional<MemberRecord> record(UUID id, Role role, boolean active) {
        return Optional.of(new MemberRecord(id, id + "@studio.test", role, active, null));
    }

    private static RequestBooking request(UUID memberId, Instant start, String notes) {
        return new RequestBooking(UUID.randomUUID(), INSTRUCTOR, memberId, start, start.plus(Duration.ofHours(1)), notes);
    }

    private static void refused(Runnable check, RuleViolation.Kind kind, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(v.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void B1_unknown_or_inactive_actor_is_refused() {
        refused(() -> BookingRequestRules.memberFor(request(null, START, null), MEMBER, Optional.empty(), Optional.empty()),
                RuleViolation.Kind.FORBIDDEN, null);
        refused(() -> BookingRequestRules.memberFor(request(null, START, null), MEMBER,
                record(MEMBER.id(), Role.MEMBER_FULL, false), Optional.empty()), RuleViolation.Kind.FORBIDDEN, null);
    }

    @Test
    void B1_guests_cannot_book() {
        Actor guest = new Actor(UUID.randomUUID(), Role.GUEST);
        refused(() -> BookingRequestRules.memberFor(request(null, START, null), guest, record(guest), Optional.empty()),
                RuleViolation.Kind.FORBIDDEN, "Guests cannot book private lessons");
    }

    @Test
    void B1_only_staff_book_for_another_member() {
        UUID other = UUID.randomUUID();
        refused(() -> BookingRequestRules.memberFor(request(other, START, null), MEMBER, record(MEMBER),
                record(other, Role.MEMBER_FULL, true)), RuleViolation.Kind.FORBIDDEN, null);
        assertThat(BookingRequestRules.memberFor(request(other, START, null), STAFF, record(STAFF),
                record(other, Role.MEMBER_FULL, true))).isEqualTo(other);
        assertThat(BookingRequestRules.memberFor(request(null, START, null), MEMBER, record(MEMBER), Optional.empty()))
                .isEqualTo(MEMBER.id());
    }

    @Test
    void B1_request_checks_in_the_seed_order() {
        Optional<MemberRecord> instructor = record(INSTRUCTOR, Role.INSTRUCTOR, true);
        refused(() -> BookingRequestRules.checkRequest(request(INSTRUCTOR, START, null), INSTRUCTOR, instructor, NOW),
                RuleViolation.Kind.INVALID, "Cannot book a lesson with yourself");
        for (Optional<MemberRecord> notAnInstructor : List.of(Optional.<MemberRecord>empty(),
                record(INSTRUCTOR, Role.MEMBER_FULL, true), record(INSTRUCTOR, Role.INSTRUCTOR, false))) {
            refused(() -> BookingRequestRules.checkRequest(request(null, START, null), MEMBER.id(), notAnInstructor, NOW),
                    RuleViolation.Kind.NOT_FOUND, "Instructor not found");
        }
        refused(() -> BookingRequestRules.checkRequest(request(null, NOW, null), MEMBER.id(), instructor, NOW),
                RuleViolation.Kind.INVALID, "Cannot book a slot in the past");
        refused(() -> BookingRequestRules.checkRequest(request(null, START, "x".repeat(2001)), MEMBER.id(), instructor, NOW),
                RuleViolation.Kind.INVALID, null);
        assertThatCode(() -> BookingRequestRules.checkRequest(request(null, START, "x".repeat(2000)), MEMBER.id(),
                record(INSTRUCTOR, Role.OWNER, true), NOW)).doesNotThrowAnyException();
    }

    @Test
    void B1_slot_checks() {
        refused(() -> BookingRequestRules.checkSlot(START, true, true, 0, false, NOW, SETTINGS),
                RuleViolation.Kind.CONFLICT, "This slot is already confirmed");
        refused(() -> BookingRequestRules.checkSlot(START, false, false, 0, false, NOW, SETTINGS),
                RuleViolation.Kind.INVALID, "Requested time is not an available slot");
        refused(() -> BookingRequestRules.checkSlot(NOW.plus(Duration.ofDays(366)), false, true, 0, false, NOW,
                        SETTINGS),
                RuleViolation.Kind.INVALID, "Requested time is not an available slot");
        BookingSettings notice = new BookingSettings(SETTINGS.studioTimeZone(), SETTINGS.pendingExpiry(),
                SETTINGS.memberCancellationNotice(), Duration.ofDays(2), SETTINGS.bookingHorizon(), 10,
                SETTINGS.autoCompleteAfter());
        refused(() -> BookingRequestRules.checkSlot(START, false, true, 0, false, NOW, notice),
                RuleViolation.Kind.INVALID, "Requested time is not an available slot");
        refused(() -> BookingRequestRules.checkSlot(START, false, true, 10, false, NOW, SETTINGS),
                RuleViolation.Kind.CONFLICT, "You already have 10 pending requests, the most allowed."
                        + " Wait for an answer or cancel one first.");
        refused(() -> BookingRequestRules.checkSlot(START, false, true, 10, true, NOW, SETTINGS),
                RuleViolation.Kind.CONFLICT, "This member already has 10 pending requests, the most allowed."
                        + " Answer or cancel one first.");
        assertThatCode(() -> BookingRequestRules.checkSlot(START, false, true, 9, false, NOW, SETTINGS))
                .doesNotThrowAnyException();
    }

    @Test
    void B1_an_interval_that_is_no_slot_is_400_even_over_a_confirmed_lesson() {
        refused(() -> BookingRequestRules.checkSlot(START, true, false, 0, false, NOW, SETTINGS),
                RuleViolation.Kind.INVALID, "Requested time is not an available slot");
        refused(() -> BookingRequestRules.checkSlot(NOW.plus(Duration.ofDays(366)), true, true, 0, false, NOW,
                SETTINGS), RuleViolation.Kind.INVALID, "Requested time is not an available slot");
    }

    @Test
    void B2_confirming_declines_every_other_overlapping_pending_request() {
        UUID confirmed = UUID.randomUUID();
        Slot slot = new Slot(START, START.plus(Duration.ofHours(1)));
        BookingRef self = new BookingRef(confirmed, INSTRUCTOR, MEMBER.id(), slot, BookingStatus.PENDING);
        BookingRef rival = new BookingRef(UUID.randomUUID(), INSTRUCTOR, UUID.randomUUID(), slot, BookingStatus.PENDING);
        BookingRef gone = new BookingRef(UUID.randomUUID(), INSTRUCTOR, UUID.randomUUID(), slot, BookingStatus.EXPIRED);
        assertThat(BookingCommandHandler.competitors(confirmed, List.of(self, rival, gone))).containsExactly(rival);
    }
}

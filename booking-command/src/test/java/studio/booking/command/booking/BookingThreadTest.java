package studio.booking.command.booking;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import studio.booking.command.support.FixtureClock;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingStatus;
import studio.booking.messages.booking.DeclineCause;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.BookingSettings;
import studio.booking.messages.common.Role;
import studio.booking.messages.thread.MarkThreadRead;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.PostMessage;
import studio.booking.messages.thread.ThreadRead;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static studio.booking.command.support.Violations.violation;
import static studio.booking.messages.common.RuleViolation.Kind.FORBIDDEN;
import static studio.booking.messages.common.RuleViolation.Kind.INVALID;
import static studio.booking.messages.common.RuleViolation.Kind.NOT_FOUND;

/** The booking's thread (M1) and its unread state (M2), decided by the {@link Booking} aggregate. */
class BookingThreadTest {

    private static final Instant T0 = Instant.parse("2030-03-04T15:00:00Z");
    private static final Instant START = T0.plus(Duration.ofDays(3));
    private static final Instant END = START.plus(Duration.ofHours(1));
    private static final UUID ID = UUID.randomUUID();
    private static final Actor INSTRUCTOR = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private static final Actor MEMBER = new Actor(UUID.randomUUID(), Role.MEMBER_LIMITED);
    private static final Actor OWNER = new Actor(UUID.randomUUID(), Role.OWNER);
    private static final Actor OTHER_INSTRUCTOR = new Actor(UUID.randomUUID(), Role.INSTRUCTOR);
    private static final Actor OTHER_MEMBER = new Actor(UUID.randomUUID(), Role.MEMBER_FULL);
    private static final UUID MESSAGE = UUID.randomUUID();

    private static AggregateTestFixture<Booking> fixture() {
        AggregateTestFixture<Booking> fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(BookingSettings.defaults());
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        return fixture;
    }

    private static Map<String, String> meta(Actor actor) {
        return actor.asMetaData();
    }

    private static BookingRequested requested() {
        return new BookingRequested(ID, INSTRUCTOR.id(), MEMBER.id(), START, END, null, T0.plus(Duration.ofHours(4)));
    }

    private static MessagePosted posted(Actor sender, String content) {
        return new MessagePosted(ID, UUID.randomUUID(), INSTRUCTOR.id(), MEMBER.id(), sender.id(), content);
    }

    private static ThreadRead read(Actor reader, Instant upTo) {
        return new ThreadRead(ID, reader.id(), upTo);
    }

    // M1 ------------------------------------------------------------------------------------------

    /** Every status of B6 a booking can be in, as the events that lead there. */
    private static List<List<Object>> everyStatus() {
        BookingConfirmed confirmed = new BookingConfirmed(ID, INSTRUCTOR.id(), MEMBER.id(), START, END);
        return List.of(
                List.of(requested()),
                List.of(requested(), confirmed),
                List.of(requested(), new BookingDeclined(ID, INSTRUCTOR.id(), MEMBER.id(), DeclineCause.DECLINED_BY_STAFF,
                        null, null)),
                List.of(requested(), new BookingExpired(ID, INSTRUCTOR.id(), MEMBER.id())),
                List.of(requested(), new BookingCancelled(ID, INSTRUCTOR.id(), MEMBER.id(),
                        BookingStatus.CANCELLED_BY_MEMBER, MEMBER.id(), null, false)),
                List.of(requested(), confirmed, new BookingCancelled(ID, INSTRUCTOR.id(), MEMBER.id(),
                        BookingStatus.CANCELLED_BY_INSTRUCTOR, INSTRUCTOR.id(), null, true)),
                List.of(requested(), confirmed, new BookingCompleted(ID, INSTRUCTOR.id(), MEMBER.id(), true)),
                List.of(requested(), confirmed, new BookingMarkedNoShow(ID, INSTRUCTOR.id(), MEMBER.id())));
    }

    @Test
    void M1_the_member_and_the_instructor_post_in_every_status() {
        for (List<Object> history : everyStatus()) {
            for (Actor participant : List.of(MEMBER, INSTRUCTOR)) {
                fixture().givenCurrentTime(T0).andGiven(history)
                        .when(new PostMessage(ID, MESSAGE, "Can we focus on cross-body lead?"), meta(participant))
                        .expectSuccessfulHandlerExecution()
                        .expectEvents(new MessagePosted(ID, MESSAGE, INSTRUCTOR.id(), MEMBER.id(), participant.id(),
                                "Can we focus on cross-body lead?"));
            }
        }
    }

    @Test
    void M1_staff_who_are_not_participants_the_owner_included_only_read() {
        for (Actor staff : List.of(OWNER, OTHER_INSTRUCTOR)) {
            fixture().givenCurrentTime(T0).andGiven(requested())
                    .when(new PostMessage(ID, MESSAGE, "Hello"), meta(staff))
                    .expectException(violation(FORBIDDEN, "Only the booking's member and instructor can send messages"))
                    .expectNoEvents();
        }
    }

    @Test
    void M1_the_owner_who_teaches_the_lesson_is_a_participant() {
        BookingRequested ownersLesson = new BookingRequested(ID, OWNER.id(), MEMBER.id(), START, END, null,
                T0.plus(Duration.ofHours(4)));
        fixture().givenCurrentTime(T0).andGiven(ownersLesson)
                .when(new PostMessage(ID, MESSAGE, "See you"), meta(OWNER))
                .expectEvents(new MessagePosted(ID, MESSAGE, OWNER.id(), MEMBER.id(), OWNER.id(), "See you"));
    }

    @Test
    void M1_a_member_who_cannot_see_the_booking_learns_nothing_of_it() {
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new PostMessage(ID, MESSAGE, "Hello"), meta(OTHER_MEMBER))
                .expectException(violation(NOT_FOUND, "Booking not found"))
                .expectNoEvents();
    }

    @Test
    void M1_content_is_trimmed_and_1_to_2000_code_points() {
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new PostMessage(ID, MESSAGE, " \n Perfect, see you then! \t"), meta(MEMBER))
                .expectEvents(new MessagePosted(ID, MESSAGE, INSTRUCTOR.id(), MEMBER.id(), MEMBER.id(),
                        "Perfect, see you then!"));
        // 2000 code points, 4000 UTF-16 chars
        String emojis = "\uD83D\uDC83".repeat(2000);
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new PostMessage(ID, MESSAGE, emojis), meta(MEMBER))
                .expectEvents(new MessagePosted(ID, MESSAGE, INSTRUCTOR.id(), MEMBER.id(), MEMBER.id(), emojis));
        for (String bad : Arrays.asList(null, "", "   \n\t ", "a".repeat(2001), emojis + "!", "a\0b")) {
            fixture().givenCurrentTime(T0).andGiven(requested())
                    .when(new PostMessage(ID, MESSAGE, bad), meta(MEMBER))
                    .expectException(violation(INVALID, PostMessage.CONTENT_RULE))
                    .expectNoEvents();
        }
    }

    // M2 ------------------------------------------------------------------------------------------

    @Test
    void M2_reading_what_the_other_side_wrote_is_recorded_up_to_the_latest_message() {
        Instant later = T0.plusSeconds(90);
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(MEMBER, "Hi"))
                .andGivenCurrentTime(later).andGiven(posted(INSTRUCTOR, "Hello"), posted(MEMBER, "Salsa?"))
                .when(new MarkThreadRead(ID), meta(INSTRUCTOR))
                .expectResultMessagePayload(true)
                .expectEvents(read(INSTRUCTOR, later));
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(INSTRUCTOR, "Bring shoes"))
                .when(new MarkThreadRead(ID), meta(MEMBER))
                .expectResultMessagePayload(true)
                .expectEvents(read(MEMBER, T0));
    }

    @Test
    void M2_nothing_unread_records_nothing() {
        // no messages at all
        fixture().givenCurrentTime(T0).andGiven(requested())
                .when(new MarkThreadRead(ID), meta(MEMBER))
                .expectResultMessagePayload(false).expectNoEvents();
        // one's own messages are never unread
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(MEMBER, "Hi"), posted(MEMBER, "Anyone?"))
                .when(new MarkThreadRead(ID), meta(MEMBER))
                .expectResultMessagePayload(false).expectNoEvents();
        // already read, and only one's own written since
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(INSTRUCTOR, "Hi"), read(MEMBER, T0),
                        posted(MEMBER, "Hi!"))
                .when(new MarkThreadRead(ID), meta(MEMBER))
                .expectResultMessagePayload(false).expectNoEvents();
    }

    @Test
    void M2_a_message_after_the_read_is_unread_again_even_in_the_same_instant() {
        // the clock stands still: the order of events decides, not a comparison of times
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(MEMBER, "Hi"), read(INSTRUCTOR, T0),
                        posted(MEMBER, "One more thing"))
                .when(new MarkThreadRead(ID), meta(INSTRUCTOR))
                .expectResultMessagePayload(true)
                .expectEvents(read(INSTRUCTOR, T0));
    }

    @Test
    void M2_each_reader_has_their_own_marker() {
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(MEMBER, "Hi"), posted(INSTRUCTOR, "Hello"),
                        read(INSTRUCTOR, T0))
                .when(new MarkThreadRead(ID), meta(MEMBER))
                .expectResultMessagePayload(true)
                .expectEvents(read(MEMBER, T0));
    }

    @Test
    void M2_only_participants_have_read_markers() {
        for (Actor staff : List.of(OWNER, OTHER_INSTRUCTOR)) {
            fixture().givenCurrentTime(T0).andGiven(requested(), posted(MEMBER, "Hi"))
                    .when(new MarkThreadRead(ID), meta(staff))
                    .expectException(violation(FORBIDDEN))
                    .expectNoEvents();
        }
        fixture().givenCurrentTime(T0).andGiven(requested(), posted(INSTRUCTOR, "Hi"))
                .when(new MarkThreadRead(ID), meta(OTHER_MEMBER))
                .expectException(violation(NOT_FOUND, "Booking not found"))
                .expectNoEvents();
    }
}

package studio.booking.api.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.booking.api.config.BookingProperties;
import studio.booking.api.member.MemberAdministration;
import studio.booking.api.member.MemberAdministration.Registration;
import studio.booking.api.web.Messaging;
import studio.booking.messages.availability.AddAvailabilityOverride;
import studio.booking.messages.availability.AddWeeklyWindow;
import studio.booking.messages.availability.AvailabilityOverride;
import studio.booking.messages.availability.WeeklyWindow;
import studio.booking.messages.booking.BookingRequestResult;
import studio.booking.messages.booking.ConfirmBooking;
import studio.booking.messages.booking.RequestBooking;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.slots.Slot;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.messages.slots.SlotQueries.SlotList;
import studio.booking.messages.thread.PostMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo studio (docs/demo.md), loaded once through commands when {@code booking.demo-data} is on
 * (default: on with the embedded database). "Once" is detected by the demo instructor's email.
 */
@Component
@Order(20)
public class DemoStudio implements ApplicationRunner {

    static final String DEMO_OWNER_EMAIL = "owner@studio.test";
    static final String DEMO_OWNER_PASSWORD = "owner-demo-1";
    static final String INSTRUCTOR_PASSWORD = "instructor-demo-1";
    static final String MEMBER_PASSWORD = "member-demo-1";
    static final String ZONE = "America/New_York";

    private static final Logger log = LoggerFactory.getLogger(DemoStudio.class);

    private final BookingProperties properties;
    private final boolean embeddedDatabase;
    private final Messaging messaging;
    private final MemberAdministration administration;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DemoStudio(BookingProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl,
                      Messaging messaging, MemberAdministration administration, TransactionTemplate transaction,
                      Clock clock) {
        this.properties = properties;
        this.embeddedDatabase = datasourceUrl == null || datasourceUrl.isBlank();
        this.messaging = messaging;
        this.administration = administration;
        this.transaction = transaction;
        this.clock = clock;
    }

    boolean enabled() {
        return properties.demoData() != null ? properties.demoData() : embeddedDatabase;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        if (messaging.find(new FindMemberByEmail("maria@studio.test"), MemberView.class).isPresent()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> load());
            log.info("Loaded the demo studio (sign-ins: docs/demo.md)");
        } catch (RuntimeException e) {
            log.error("Could not load the demo studio; the application runs without it", e);
        }
    }

    private void load() {
        MemberView owner = messaging.ask(new ListMembers(), MemberList.class).members().stream()
                .filter(m -> m.role() == Role.OWNER).findFirst()
                .orElseGet(() -> administration.register(null, new Registration(DEMO_OWNER_EMAIL, "Studio Owner",
                        Role.OWNER, DEMO_OWNER_PASSWORD, null, ZONE)));
        Actor asOwner = new Actor(owner.id(), Role.OWNER);

        MemberView maria = member(asOwner, "maria@studio.test", "Maria Santos", Role.INSTRUCTOR, INSTRUCTOR_PASSWORD);
        MemberView carlos = member(asOwner, "carlos@studio.test", "Carlos Rivera", Role.INSTRUCTOR, INSTRUCTOR_PASSWORD);
        MemberView jennifer = member(asOwner, "jennifer@studio.test", "Jennifer Lee", Role.INSTRUCTOR,
                INSTRUCTOR_PASSWORD);
        MemberView alex = member(asOwner, "alex@studio.test", "Alex Morgan", Role.MEMBER_FULL, MEMBER_PASSWORD);
        MemberView sam = member(asOwner, "sam@studio.test", "Sam Patel", Role.MEMBER_LIMITED, MEMBER_PASSWORD);
        member(asOwner, "guest@studio.test", "Gina Guest", Role.GUEST, MEMBER_PASSWORD);

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
        window(asOwner, maria, 2, "14:00", "18:00", 60, today);
        window(asOwner, maria, 4, "10:00", "14:00", 60, today);
        window(asOwner, carlos, 1, "17:00", "21:00", 45, today);
        window(asOwner, carlos, 3, "17:00", "21:00", 45, today);
        window(asOwner, jennifer, 6, "10:00", "16:00", 90, today);

        // Maria is away on the Thursday three weeks from now
        LocalDate away = today.plusWeeks(3).with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.THURSDAY));
        messaging.send(asOwner, new AddAvailabilityOverride(maria.id(), new AvailabilityOverride(UUID.randomUUID(),
                away, null, null, false, "Competition weekend", null)));

        // some requests and lessons in the coming weeks (never within the 24-hour window)
        List<Slot> mariaSlots = slots(maria, today.plusDays(2), today.plusDays(16));
        List<Slot> carlosSlots = slots(carlos, today.plusDays(2), today.plusDays(16));
        List<Slot> jenniferSlots = slots(jennifer, today.plusDays(2), today.plusDays(16));
        Optional<UUID> alexFirst = request(alex, maria, mariaSlots, 0, "First lesson: salsa basics", false);
        request(sam, maria, mariaSlots, 1, null, false);
        Optional<UUID> alexBachata = request(alex, maria, mariaSlots, 5, "Bachata footwork", true);
        Optional<UUID> samWedding = request(sam, carlos, carlosSlots, 2, "Wedding dance practice", true);
        Optional<UUID> alexCarlos = request(alex, carlos, carlosSlots, 4, null, false);
        request(sam, jennifer, jenniferSlots, 0, "Ballroom posture", true);

        // short threads (M1): unread for the side that has not answered yet, so banners show something
        alexFirst.ifPresent(b -> say(alex, b, "This will be my very first salsa lesson. Anything I should bring?"));
        alexBachata.ifPresent(b -> {
            say(alex, b, "Can we focus on cross-body lead this week?");
            say(maria, b, "Absolutely! I'll prep some drills for that.");
            say(maria, b, "Bring shoes with suede soles if you have them.");
        });
        samWedding.ifPresent(b -> say(sam, b, "We'd like to practise the lift for the first dance."));
        alexCarlos.ifPresent(b -> say(carlos, b, "Could we start 15 minutes later that day?"));
    }

    private void say(MemberView sender, UUID bookingId, String content) {
        messaging.send(new Actor(sender.id(), sender.role()), new PostMessage(bookingId, UUID.randomUUID(), content));
    }

    private MemberView member(Actor owner, String email, String name, Role role, String password) {
        return administration.register(owner, new Registration(email, name, role, password, null, ZONE));
    }

    private void window(Actor owner, MemberView instructor, int day, String start, String end, int minutes,
                        LocalDate from) {
        messaging.send(owner, new AddWeeklyWindow(instructor.id(), new WeeklyWindow(UUID.randomUUID(), day,
                LocalTime.parse(start), LocalTime.parse(end), minutes, from, null)));
    }

    private List<Slot> slots(MemberView instructor, LocalDate from, LocalDate to) {
        return messaging.ask(new GetAvailableSlots(instructor.id(), from, to, null), SlotList.class).slots().stream()
                .filter(s -> s.start().isAfter(clock.instant().plus(Duration.ofHours(48))))
                .toList();
    }

    private Optional<UUID> request(MemberView member, MemberView instructor, List<Slot> slots, int index, String notes,
                                   boolean confirm) {
        if (slots.size() <= index) {
            return Optional.empty();
        }
        Slot slot = slots.get(index);
        BookingRequestResult result = messaging.send(new Actor(member.id(), member.role()),
                new RequestBooking(UUID.randomUUID(), instructor.id(), null, slot.start(), slot.end(), notes));
        if (confirm) {
            messaging.send(new Actor(instructor.id(), instructor.role()), new ConfirmBooking(result.bookingId()));
        }
        return Optional.of(result.bookingId());
    }
}

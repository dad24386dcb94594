package studio.booking.api.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import studio.booking.api.config.BookingProperties;
import studio.booking.api.member.MemberAdministration;
import studio.booking.api.web.Messaging;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;

/**
 * First start: when no owner exists and {@code booking.owner.email}/{@code booking.owner.password}
 * are set, registers the owner.
 */
@Component
@Order(10)
public class OwnerBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OwnerBootstrap.class);

    private final BookingProperties properties;
    private final Messaging messaging;
    private final MemberAdministration administration;

    public OwnerBootstrap(BookingProperties properties, Messaging messaging, MemberAdministration administration) {
        this.properties = properties;
        this.messaging = messaging;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.owner().email();
        String password = properties.owner().password();
        if (email == null || email.isBlank() || password == null || password.isBlank()) {
            return;
        }
        if (ownerExists()) {
            return;
        }
        try {
            administration.register(null, new MemberAdministration.Registration(email.trim(), "Studio Owner",
                    Role.OWNER, password, null, null));
        } catch (RuntimeException e) {
            if (ownerExists()) { // another node starting at the same moment registered it first
                log.info("The studio owner was registered by another node");
                return;
            }
            throw e;
        }
        log.info("Registered the studio owner {}", email.trim());
    }

    boolean ownerExists() {
        return messaging.ask(new ListMembers(), MemberList.class).members().stream()
                .anyMatch(m -> m.role() == Role.OWNER);
    }
}

package studio.booking.api.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.booking.api.config.BookingProperties;
import studio.booking.api.member.MemberAdministration;
import studio.booking.api.support.ApiTest;
import studio.booking.api.web.Messaging;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** DESIGN.md, Configuration: the owner account is created on first start when none exists, once. */
@ApiTest
class OwnerBootstrapTest {

    @Autowired
    BookingProperties properties;

    @Autowired
    Messaging messaging;

    @Autowired
    MemberAdministration administration;

    /**
     * Two nodes starting at the same moment both find no owner; the one that registers second loses on
     * the email's unique index and must still start. Here the second node's look came before the first
     * node's registration (this context's, at its start).
     */
    @Test
    void a_node_that_lost_the_race_to_register_the_owner_starts_all_the_same() {
        AtomicInteger looks = new AtomicInteger();
        OwnerBootstrap secondNode = new OwnerBootstrap(properties, messaging, administration) {
            @Override
            boolean ownerExists() {
                return looks.getAndIncrement() > 0 && super.ownerExists();
            }
        };

        assertThatCode(() -> secondNode.run(null)).doesNotThrowAnyException();

        assertThat(looks).as("it looked again after losing").hasValue(2);
        assertThat(messaging.ask(new ListMembers(), MemberList.class).members())
                .filteredOn(m -> m.role() == Role.OWNER).hasSize(1);
    }
}

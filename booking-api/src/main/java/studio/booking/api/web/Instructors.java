package studio.booking.api.web;

import org.springframework.stereotype.Component;
import studio.booking.messages.common.RuleViolation;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberView;

import java.util.UUID;

/** Looks up the instructor a path or body names: 404 when there is no such teaching member. */
@Component
public class Instructors {

    public static final String NOT_FOUND = "Instructor not found";

    private final Messaging messaging;

    public Instructors(Messaging messaging) {
        this.messaging = messaging;
    }

    public MemberView require(UUID instructorId) {
        return messaging.find(new FindMember(instructorId), MemberView.class)
                .filter(m -> m.role().isStaff())
                .orElseThrow(() -> RuleViolation.notFound(NOT_FOUND));
    }
}

package studio.booking.messages.member;

import java.util.List;
import java.util.UUID;

/** Queries on the members projection. Each answers with the record named in its comment. */
public final class MemberQueries {

    private MemberQueries() {
    }

    /** → {@code Optional<MemberView>} (response type: optionalInstanceOf(MemberView.class)). */
    public record FindMember(UUID memberId) {
    }

    /** → {@code Optional<MemberView>}; email compared case-insensitively. */
    public record FindMemberByEmail(String email) {
    }

    /** The zone the member set themselves, null when they set none → {@link OwnTimeZone}. */
    public record FindOwnTimeZone(UUID memberId) {
    }

    public record OwnTimeZone(String timeZone) {
    }

    /** Every member, sorted by display name → {@link MemberList}. */
    public record ListMembers() {
    }

    /** Active members with role instructor or owner, sorted by display name → {@link MemberList}. */
    public record ListInstructors() {
    }

    public record MemberList(List<MemberView> members) {
    }
}

package studio.booking.api.member;

import studio.booking.messages.member.MemberView;

import java.util.List;

/** Wire shapes of API.md, Members. */
public final class MemberDtos {

    private MemberDtos() {
    }

    public record CreateMemberRequest(String email, String displayName, String role, String password, String avatarUrl,
                                      String timeZone) {
    }

    /** Every field optional: absent (or null) leaves it as it is; an empty avatar_url clears it. */
    public record UpdateMemberRequest(String displayName, String role, String avatarUrl, String timeZone,
                                      String password, Boolean active) {
    }

    public record MemberRow(String id, String email, String displayName, String role, String avatarUrl,
                            String timeZone, boolean active) {

        static MemberRow of(MemberView v) {
            return new MemberRow(v.id().toString(), v.email(), v.displayName(), v.role().wire(), v.avatarUrl(),
                    v.timeZone(), v.active());
        }
    }

    public record MemberData(MemberRow data) {
    }

    public record MemberListResponse(List<MemberRow> members) {
    }

    public record InstructorRow(String id, String displayName, String avatarUrl, String timeZone) {

        static InstructorRow of(MemberView v) {
            return new InstructorRow(v.id().toString(), v.displayName(), v.avatarUrl(), v.timeZone());
        }
    }

    public record InstructorListResponse(List<InstructorRow> instructors) {
    }
}

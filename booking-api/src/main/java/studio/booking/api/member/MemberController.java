package studio.booking.api.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.member.MemberDtos.CreateMemberRequest;
import studio.booking.api.member.MemberDtos.InstructorListResponse;
import studio.booking.api.member.MemberDtos.InstructorRow;
import studio.booking.api.member.MemberDtos.MemberData;
import studio.booking.api.member.MemberDtos.MemberListResponse;
import studio.booking.api.member.MemberDtos.MemberRow;
import studio.booking.api.member.MemberDtos.UpdateMemberRequest;
import studio.booking.api.web.Input;
import studio.booking.api.web.Messaging;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.member.MemberQueries.ListInstructors;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;

import java.time.ZoneId;
import java.util.UUID;

/** API.md, Members. Member administration is the owner's (enforced by the security rules too). */
@RestController
@Tag(name = "Members")
public class MemberController {

    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2000;

    private final Messaging messaging;
    private final MemberAdministration administration;

    public MemberController(Messaging messaging, MemberAdministration administration) {
        this.messaging = messaging;
        this.administration = administration;
    }

    @GetMapping("/api/instructors")
    @Operation(summary = "Active members who teach (role instructor or owner)")
    public InstructorListResponse instructors() {
        MemberList list = messaging.ask(new ListInstructors(), MemberList.class);
        return new InstructorListResponse(list.members().stream().map(InstructorRow::of).toList());
    }

    @GetMapping("/api/members")
    @Operation(summary = "Every member (owner)")
    public MemberListResponse members() {
        MemberList list = messaging.ask(new ListMembers(), MemberList.class);
        return new MemberListResponse(list.members().stream().map(MemberRow::of).toList());
    }

    @PostMapping("/api/members")
    @Operation(summary = "Register a member with a password (owner)",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400"),
                    @ApiResponse(responseCode = "409", description = "the email exists")})
    public ResponseEntity<MemberData> create(@Parameter(hidden = true) Actor actor,
                                             @RequestBody CreateMemberRequest body) {
        Input input = new Input();
        String email = input.email("email", body.email(), true);
        String displayName = input.text("display_name", body.displayName(), true, MAX_NAME);
        Role role = role(input, body.role(), true);
        String password = input.password("password", body.password(), true);
        String avatarUrl = input.webUrl("avatar_url", body.avatarUrl(), false, MAX_URL);
        ZoneId zone = input.zone("time_zone", body.timeZone(), false);
        input.validate();
        var member = administration.register(actor, new MemberAdministration.Registration(email, displayName, role,
                password, avatarUrl, zone == null ? null : zone.getId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new MemberData(MemberRow.of(member)));
    }

    @PatchMapping("/api/members/{id}")
    @Operation(summary = "Change a member's profile, role, password or active flag (owner)")
    public MemberData update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                             @RequestBody UpdateMemberRequest body) {
        Input input = new Input();
        String displayName = body.displayName() == null ? null
                : input.text("display_name", body.displayName(), true, MAX_NAME);
        Role role = role(input, body.role(), false);
        boolean clearAvatar = body.avatarUrl() != null && body.avatarUrl().isBlank();
        String avatarUrl = input.webUrl("avatar_url", body.avatarUrl(), false, MAX_URL);
        ZoneId zone = input.zone("time_zone", body.timeZone(), false);
        String password = input.password("password", body.password(), false);
        if (body.password() != null && body.password().isEmpty()) {
            input.problem("password", "must be at least 8 characters");
        }
        input.validate();
        var member = administration.change(actor, id, new MemberAdministration.Change(displayName, role, avatarUrl,
                clearAvatar, zone == null ? null : zone.getId(), password, body.active()));
        return new MemberData(MemberRow.of(member));
    }

    private static Role role(Input input, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                input.problem("role", "is required");
            }
            return null;
        }
        return Role.parse(value).orElseGet(() -> {
            input.problem("role", "must be one of guest, member_limited, member_full, instructor, owner");
            return null;
        });
    }
}

package studio.booking.query.member;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberQueries.FindMemberByEmail;
import studio.booking.messages.member.MemberQueries.FindOwnTimeZone;
import studio.booking.messages.member.MemberQueries.OwnTimeZone;
import studio.booking.messages.member.MemberQueries.ListInstructors;
import studio.booking.messages.member.MemberQueries.ListMembers;
import studio.booking.messages.member.MemberQueries.MemberList;
import studio.booking.messages.member.MemberView;

import java.util.Optional;

/** Answers the member queries from the members projection. */
@Component
public class MemberQueryHandler {

    private final MemberReads members;

    public MemberQueryHandler(MemberReads members) {
        this.members = members;
    }

    @QueryHandler
    public Optional<MemberView> handle(FindMember query) {
        return members.find(query.memberId());
    }

    @QueryHandler
    public Optional<MemberView> handle(FindMemberByEmail query) {
        return members.findByEmail(query.email());
    }

    @QueryHandler
    public OwnTimeZone handle(FindOwnTimeZone query) {
        return new OwnTimeZone(members.ownTimeZone(query.memberId()).orElse(null));
    }

    @QueryHandler
    public MemberList handle(ListMembers query) {
        return new MemberList(members.all());
    }

    @QueryHandler
    public MemberList handle(ListInstructors query) {
        return new MemberList(members.activeInstructors());
    }
}

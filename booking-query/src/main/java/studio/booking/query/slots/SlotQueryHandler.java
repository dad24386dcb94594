package studio.booking.query.slots;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.slots.SlotQueries.GetAvailableSlots;
import studio.booking.messages.slots.SlotQueries.SlotList;
import studio.booking.query.member.MemberReads;

import java.time.ZoneId;
import java.util.List;

/** Answers {@link GetAvailableSlots}: the slots still offered, in the instructor's zone (S1–S3). */
@Component
public class SlotQueryHandler {

    private final MemberReads members;
    private final OfferedSlots offeredSlots;

    public SlotQueryHandler(MemberReads members, OfferedSlots offeredSlots) {
        this.members = members;
        this.offeredSlots = offeredSlots;
    }

    /** An unknown instructor, or one who no longer teaches (inactive, or not staff), offers nothing. */
    @QueryHandler
    public SlotList handle(GetAvailableSlots query) {
        if (query.start() == null || query.end() == null) {
            return new SlotList(List.of());
        }
        return members.find(query.instructorId())
                .filter(SlotQueryHandler::teaches)
                .map(instructor -> new SlotList(offeredSlots.of(instructor.id(), ZoneId.of(instructor.timeZone()),
                        query.start(), query.end(), query.durationMinutes())))
                .orElseGet(() -> new SlotList(List.of()));
    }

    public static boolean teaches(MemberView member) {
        return member.active() && member.role().isStaff();
    }
}

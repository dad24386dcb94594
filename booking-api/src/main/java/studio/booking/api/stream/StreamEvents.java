package studio.booking.api.stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.stereotype.Component;
import studio.booking.api.booking.BookingDtos.BookingRow;
import studio.booking.api.thread.ThreadDtos.MessageRow;
import studio.booking.api.web.Messaging;
import studio.booking.messages.availability.AvailabilityOverrideAdded;
import studio.booking.messages.availability.AvailabilityOverrideRemoved;
import studio.booking.messages.availability.WeeklyWindowAdded;
import studio.booking.messages.availability.WeeklyWindowRemoved;
import studio.booking.messages.booking.BookingCancelled;
import studio.booking.messages.booking.BookingCompleted;
import studio.booking.messages.booking.BookingConfirmed;
import studio.booking.messages.booking.BookingDeclined;
import studio.booking.messages.booking.BookingExpired;
import studio.booking.messages.booking.BookingMarkedNoShow;
import studio.booking.messages.booking.BookingQueries.FindBooking;
import studio.booking.messages.booking.BookingRequested;
import studio.booking.messages.booking.BookingView;
import studio.booking.messages.common.Actor;
import studio.booking.messages.common.Role;
import studio.booking.messages.ledger.SlotReleased;
import studio.booking.messages.ledger.SlotReserved;
import studio.booking.messages.member.MemberDeactivated;
import studio.booking.messages.member.MemberProfileUpdated;
import studio.booking.messages.member.MemberQueries.FindMember;
import studio.booking.messages.member.MemberReactivated;
import studio.booking.messages.member.MemberRoleChanged;
import studio.booking.messages.member.MemberView;
import studio.booking.messages.thread.MessagePosted;
import studio.booking.messages.thread.MessageView;
import studio.booking.messages.thread.ThreadQueries.FindMessage;
import studio.booking.messages.thread.ThreadRead;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a stored event means for the live stream (R1). It runs after the event's transaction committed,
 * and the projections are written in that transaction, so every view read here already shows it (or
 * something newer: a payload is the state when it is read). Views are read through the query gateway,
 * as the controllers do, and written with the application's JSON mapper, so a {@code booking} is
 * exactly what {@code GET /api/bookings/:id} answers.
 */
@Component
class StreamEvents {

    /**
     * @param events       in order: the n-th has the id {@code <globalIndex>.<n>}
     * @param closeStreams members whose streams must end (their visibility changed: they reconnect)
     */
    record Mapped(List<StreamEvent> events, Set<UUID> closeStreams) {

        static final Mapped NOTHING = new Mapped(List.of(), Set.of());
    }

    record Availability(UUID instructorId) {
    }

    record Unread(UUID bookingId, boolean unread) {
    }

    private final Messaging messaging;
    private final JsonMapper json;

    StreamEvents(Messaging messaging, JsonMapper json) {
        this.messaging = messaging;
        this.json = json;
    }

    Mapped map(long globalIndex, EventMessage<?> event) {
        if (UnknownSerializedType.class.equals(event.getPayloadType())) {
            return Mapped.NOTHING; // written by a newer version of the application: not ours to interpret
        }
        Frames out = new Frames(globalIndex);
        Object payload = event.getPayload();
        if (payload instanceof BookingRequested e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingConfirmed e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingDeclined e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingExpired e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingCancelled e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingCompleted e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        } else if (payload instanceof BookingMarkedNoShow e) {
            booking(out, e.bookingId(), e.memberId(), e.instructorId());
        // free slots change: the ledger's events stand for confirmations and cancellations of confirmed
        // lessons (the booking's own events would announce the same change twice)
        } else if (payload instanceof SlotReserved e) {
            availability(out, e.instructorId());
        } else if (payload instanceof SlotReleased e) {
            availability(out, e.instructorId());
        } else if (payload instanceof WeeklyWindowAdded e) {
            availability(out, e.instructorId());
        } else if (payload instanceof WeeklyWindowRemoved e) {
            availability(out, e.instructorId());
        } else if (payload instanceof AvailabilityOverrideAdded e) {
            availability(out, e.instructorId());
        } else if (payload instanceof AvailabilityOverrideRemoved e) {
            availability(out, e.instructorId());
        } else if (payload instanceof MessagePosted e) {
            message(out, e);
        } else if (payload instanceof ThreadRead e) {
            out.add(new StreamEvent.ToParticipant(e.readerId(), null,
                    out.frame("unread", new Unread(e.bookingId(), false))));
        // an instructor who stops (or starts) teaching, or moves to another zone, offers other slots
        } else if (payload instanceof MemberRoleChanged e) {
            if (e.previousRole().isStaff() || e.role().isStaff()) {
                availability(out, e.memberId());
            }
            return out.closing(e.memberId());
        } else if (payload instanceof MemberDeactivated e) {
            if (isStaff(e.memberId())) {
                availability(out, e.memberId());
            }
            return out.closing(e.memberId());
        } else if (payload instanceof MemberReactivated e) {
            if (isStaff(e.memberId())) {
                availability(out, e.memberId());
            }
        } else if (payload instanceof MemberProfileUpdated e) {
            if (isStaff(e.memberId())) {
                availability(out, e.memberId());
            }
        }
        return out.mapped();
    }

    /** A stream event telling everyone to refetch: the stored event at this index could not be mapped. */
    Mapped unmappable(long globalIndex) {
        return new Mapped(List.of(new StreamEvent.ToEveryone(
                SseFrames.resync(new EventId(globalIndex, 0), "event_not_streamed"))), Set.of());
    }

    private void availability(Frames out, UUID instructorId) {
        out.add(new StreamEvent.ToEveryone(out.frame("availability", new Availability(instructorId))));
    }

    /**
     * The booking as each participant's {@code GET /api/bookings/:id} renders it (their own
     * {@code unread}); for other staff as the instructor sees it, without unread. Asked as the member
     * (B8: their own booking, whatever their role) and as the instructor (staff): only who asks changes the
     * answer; whether a viewer may see it at all is decided per stream by their current role.
     */
    private void booking(Frames out, UUID bookingId, UUID memberId, UUID instructorId) {
        Optional<BookingView> asMember = messaging.find(
                new FindBooking(new Actor(memberId, Role.MEMBER_FULL), bookingId), BookingView.class);
        Optional<BookingView> asInstructor = messaging.find(
                new FindBooking(new Actor(instructorId, Role.INSTRUCTOR), bookingId), BookingView.class);
        if (asMember.isEmpty() || asInstructor.isEmpty()) {
            return; // not in the view: nothing to show (a projection being rebuilt, say)
        }
        EventId id = out.nextId();
        byte[] memberFrame = SseFrames.event(id, "booking", write(BookingRow.of(asMember.get())));
        BookingView forStaff = withoutUnread(asInstructor.get());
        byte[] instructorFrame = asInstructor.get().equals(asMember.get()) ? memberFrame
                : SseFrames.event(id, "booking", write(BookingRow.of(asInstructor.get())));
        byte[] staffFrame = forStaff.equals(asInstructor.get()) ? instructorFrame
                : SseFrames.event(id, "booking", write(BookingRow.of(forStaff)));
        out.add(new StreamEvent.OfBooking(memberId, instructorId, memberFrame, instructorFrame, staffFrame));
    }

    /**
     * M1/M2: the message, as the thread's API shows it, to everyone who may read the thread (asked as the
     * instructor, who may); then "unread" to the participant who did not write it.
     */
    private void message(Frames out, MessagePosted e) {
        Optional<MessageView> message = messaging.find(
                new FindMessage(new Actor(e.instructorId(), Role.INSTRUCTOR), e.messageId()), MessageView.class);
        if (message.isEmpty()) {
            return; // not in the view: nothing to show (a projection being rebuilt, say)
        }
        out.add(new StreamEvent.InThread(e.memberId(), out.frame("message", MessageRow.of(message.get()))));
        for (UUID participant : List.of(e.memberId(), e.instructorId())) {
            if (!participant.equals(e.senderId())) {
                out.add(new StreamEvent.ToParticipant(participant, e.memberId(),
                        out.frame("unread", new Unread(e.bookingId(), true))));
            }
        }
    }

    private boolean isStaff(UUID memberId) {
        return messaging.find(new FindMember(memberId), MemberView.class).map(m -> m.role().isStaff()).orElse(false);
    }

    private static BookingView withoutUnread(BookingView b) {
        return !b.unread() ? b : new BookingView(b.id(), b.instructorId(), b.instructorName(), b.memberId(),
                b.memberName(), b.startTime(), b.endTime(), b.status(), b.notes(), b.cancelledAt(), b.cancelledBy(),
                b.cancellationReason(), b.createdAt(), b.updatedAt(), false);
    }

    private String write(Object payload) {
        return json.writeValueAsString(payload);
    }

    /** Collects the stream events of one stored event, numbering their ids. */
    private final class Frames {

        private final long globalIndex;
        private final List<StreamEvent> events = new ArrayList<>();

        Frames(long globalIndex) {
            this.globalIndex = globalIndex;
        }

        EventId nextId() {
            return new EventId(globalIndex, events.size());
        }

        byte[] frame(String name, Object payload) {
            return SseFrames.event(nextId(), name, write(payload));
        }

        void add(StreamEvent event) {
            events.add(event);
        }

        Mapped mapped() {
            return events.isEmpty() ? Mapped.NOTHING : new Mapped(List.copyOf(events), Set.of());
        }

        Mapped closing(UUID memberId) {
            return new Mapped(List.copyOf(events), Set.of(memberId));
        }
    }
}

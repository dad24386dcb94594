package studio.booking.command.schedule;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The instructor schedules that lesson requests read, kept in memory with the sequence number of the
 * last event they were sourced from. Every request asks for a schedule, and schedules change
 * seldom: instead of reading and deserialising the schedule's events each time, a request asks the
 * event store for the schedule's current sequence number (one indexed lookup) and re-sources the
 * schedule only when it moved. Being checked against the event store, an entry is never stale, on
 * this node or another sharing the database.
 * <p>
 * Only for reading: an entry is never handed to anything that applies events. Writers (the
 * availability handler) load the schedule through the repository as before.
 */
@Component
public class ScheduleSnapshots {

    private record Sourced(long version, InstructorSchedule schedule) {
    }

    private final Repository<InstructorSchedule> schedules;
    private final EventStore events;
    private final Map<String, Sourced> sourced = new ConcurrentHashMap<>();

    public ScheduleSnapshots(@Qualifier("instructorScheduleRepository") Repository<InstructorSchedule> schedules,
                             EventStore events) {
        this.schedules = schedules;
        this.events = events;
    }

    /**
     * The instructor's schedule as of its last event. Call inside the command's unit of work and
     * under the instructor's lock, which keeps writers of the schedule out until the command ends.
     */
    public InstructorSchedule current(UUID instructorId) {
        String id = InstructorSchedule.idOf(instructorId);
        Optional<Long> version = events.lastSequenceNumberFor(id);
        if (version.isEmpty()) {
            return new InstructorSchedule(); // never changed: offers nothing
        }
        Sourced known = sourced.get(id);
        if (known != null && known.version() == version.get()) {
            return known.schedule();
        }
        Aggregate<InstructorSchedule> loaded = schedules.load(id);
        InstructorSchedule schedule = loaded.invoke(Function.identity());
        sourced.put(id, new Sourced(loaded.version(), schedule));
        return schedule;
    }
}

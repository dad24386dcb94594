package studio.booking.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is running at that
 * moment is not an error. Axon lets db-scheduler's "currently executing" through, and the command
 * that cancels (a confirmation, a decline, a cancellation, a change of availability declining
 * requests) failed with it: a 500 while an expiry ran, and for as long as db-scheduler took to
 * notice that a node died in the middle of one (a minute here, half an hour by db-scheduler's default).
 *
 * <p>Leaving such a deadline be is safe: each deadline handler checks the aggregate's state first
 * (a booking no longer pending does not expire), and one that runs alongside the command loses to
 * it on the aggregate's sequence number, or finds it done.
 */
class RunningDeadlineTolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(RunningDeadlineTolerantDeadlineManager.class);

    private final Scheduler scheduler;

    RunningDeadlineTolerantDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    /** As Axon's: removed when the unit of work commits (or now, outside one). */
    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancel(deadlineName, scheduleId));
    }

    private void cancel(String deadlineName, String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceNotFoundException e) {
            log.debug("Deadline {} ({}) had already run or been cancelled", deadlineName, scheduleId);
        } catch (TaskInstanceCurrentlyExecutingException | ExecutionException e) {
            // running, or picked between db-scheduler's read and its delete
            log.info("Deadline {} ({}) is running now and was left to find its aggregate changed",
                    deadlineName, scheduleId);
        }
    }
}

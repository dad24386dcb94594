package studio.booking.api.problem;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import studio.booking.messages.common.RuleViolation;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Mappings that are hard to provoke through HTTP (the database's second line of defence). */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void the_exclusion_constraint_is_409_slot_already_confirmed() {
        ResponseEntity<Object> response = handler.dataIntegrity(new DataIntegrityViolationException("conflict",
                new SQLException("conflicting key value violates exclusion constraint", "23P01")));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) response.getBody()).getDetail())
                .isEqualTo("Time slot already confirmed for another booking");
    }

    @Test
    void a_rule_violation_wrapped_by_axon_keeps_its_status_and_text() {
        Exception wrapped = new IllegalStateException("command failed",
                RuleViolation.forbidden("Cannot cancel within 24 hours of start time. Contact your instructor."));

        ResponseEntity<Object> response = handler.other(wrapped);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(((ProblemDetail) response.getBody()).getDetail())
                .isEqualTo("Cannot cancel within 24 hours of start time. Contact your instructor.");
    }

    @Test
    void rule_kinds_map_to_400_403_404_409() {
        assertThat(ProblemHandler.statusOf(RuleViolation.Kind.INVALID).value()).isEqualTo(400);
        assertThat(ProblemHandler.statusOf(RuleViolation.Kind.FORBIDDEN).value()).isEqualTo(403);
        assertThat(ProblemHandler.statusOf(RuleViolation.Kind.NOT_FOUND).value()).isEqualTo(404);
        assertThat(ProblemHandler.statusOf(RuleViolation.Kind.CONFLICT).value()).isEqualTo(409);
    }

    @Test
    void an_id_of_another_kind_of_aggregate_is_404_not_500() {
        Exception wrapped = new IllegalStateException("command failed",
                new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event."));

        assertThat(handler.other(wrapped).getStatusCode().value()).isEqualTo(404);
    }
}

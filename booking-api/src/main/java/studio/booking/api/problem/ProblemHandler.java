package studio.booking.api.problem;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import studio.booking.api.member.MemberAdministration;
import studio.booking.api.web.InvalidInputException;
import studio.booking.api.web.RequestBodyLimit;
import studio.booking.messages.common.RuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Every error as {@code application/problem+json} (RFC 9457). Rule refusals keep their text;
 * whatever a client sends never becomes a 5xx.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Postgres SQLSTATE of an exclusion-constraint violation (two confirmed bookings overlapping). */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";
    /** The unique indexes on a member's email: the command side's lookup and the members projection. */
    private static final Set<String> EMAIL_INDEXES = Set.of("cmd_members_email_key", "members_email_lower_key");

    static final String SLOT_TAKEN = "Time slot already confirmed for another booking";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return Problems.entity(Problems.invalid(e));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation e) {
        return Problems.entity(Problems.problem(statusOf(e.kind()), e.detail()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException e) {
        return Problems.entity(integrityProblem(e));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return Problems.entity(Problems.problem(HttpStatus.NOT_FOUND, "Not found"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // a malformed id in a path names nothing that exists
            return Problems.entity(Problems.problem(HttpStatus.NOT_FOUND, "Not found"));
        }
        return Problems.entity(Problems.invalid(InvalidInputException.of(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return Problems.entity(Problems.problem(HttpStatus.FORBIDDEN, "You may not do this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return Problems.entity(Problems.problem(HttpStatus.UNAUTHORIZED, Problems.NOT_AUTHENTICATED));
    }

    /**
     * Whatever else: Axon wraps handler failures (CommandExecutionException, QueryExecutionException,
     * CompletionException), so look for a cause we know before calling it a server error.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return ruleViolation(violation);
            }
            if (t instanceof InvalidInputException invalid) {
                return invalidInput(invalid);
            }
            if (t instanceof DataIntegrityViolationException integrity) {
                return dataIntegrity(integrity);
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return aggregateNotFound(notFound);
            }
            if (t instanceof IncompatibleAggregateException) {
                // the path's id names another kind of aggregate (a member's id as a booking's): nothing there
                return Problems.entity(Problems.problem(HttpStatus.NOT_FOUND, "Not found"));
            }
            if (t instanceof ConcurrencyException) {
                return Problems.entity(Problems.problem(HttpStatus.CONFLICT,
                        "Someone else changed this at the same moment: try again"));
            }
            if (t instanceof SQLException sql) {
                ProblemDetail problem = sqlProblem(sql);
                if (problem != null) {
                    return Problems.entity(problem);
                }
            }
        }
        log.error("Unexpected failure", e);
        return Problems.entity(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"));
    }

    /** A blank id in a path ({@code /api/bookings/%20}) is a malformed one: it names nothing. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.problem(HttpStatus.NOT_FOUND, "Not found"), headers,
                HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLargeException tooLarge) {
                return handleExceptionInternal(ex, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        String field = mistypedField(ex);
        ProblemDetail problem = field != null
                ? Problems.invalid(InvalidInputException.of(field, "has the wrong type"))
                : Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request body: expected JSON matching the API");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Well-formed JSON with a value of the wrong type ({@code "day_of_week": "Tuesday"}): which field. */
    private static String mistypedField(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference step : mismatch.getPath()) {
                    if (step.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
                    } else if (step.getIndex() >= 0) {
                        field.append('[').append(step.getIndex()).append(']');
                    }
                }
                return field.isEmpty() ? null : field.toString();
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getTitle() == null) {
                HttpStatus known = HttpStatus.resolve(problem.getStatus());
                problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            }
            HttpHeaders merged = new HttpHeaders();
            merged.putAll(response.getHeaders());
            merged.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, merged, response.getStatusCode());
        }
        return response;
    }

    static HttpStatus statusOf(RuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    private static ProblemDetail integrityProblem(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                ProblemDetail problem = sqlProblem(sql);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return Problems.problem(HttpStatus.CONFLICT, "The change conflicts with existing data");
    }

    private static ProblemDetail sqlProblem(SQLException e) {
        String state = sqlState(e);
        if (EXCLUSION_VIOLATION.equals(state)) {
            return Problems.problem(HttpStatus.CONFLICT, SLOT_TAKEN);
        }
        if (UNIQUE_VIOLATION.equals(state)) {
            // two registrations of one email at once: both passed the check, the second's insert is refused
            return Problems.problem(HttpStatus.CONFLICT, EMAIL_INDEXES.contains(constraint(e))
                    ? MemberAdministration.EMAIL_TAKEN : "The change conflicts with existing data");
        }
        return null;
    }

    private static String constraint(SQLException e) {
        return e instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
                ? postgres.getServerErrorMessage().getConstraint() : null;
    }

    private static String sqlState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}

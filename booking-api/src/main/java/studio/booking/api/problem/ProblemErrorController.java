package studio.booking.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors raised outside Spring MVC's handlers — a request Spring Security's firewall rejects
 * ({@code ;x=1}, an encoded slash), a {@code sendError} of a filter — reach the container's error page,
 * {@code /error}: answered as problem+json like every other error (Boot's own error controller backs off
 * when this one exists).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = Problems.problem(status, switch (status) {
            case BAD_REQUEST -> "Malformed request";
            case NOT_FOUND -> "Not found";
            case UNAUTHORIZED -> Problems.NOT_AUTHENTICATED;
            case FORBIDDEN -> "You may not do this";
            default -> status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a rejected request's path may be no URI at all: the problem goes without it
            }
        }
        return Problems.entity(problem);
    }
}

package studio.booking.api.security;

import java.time.Instant;

/**
 * The details of a request signed in by a bearer token: when the token stops being accepted (its
 * {@code exp} plus the validator's clock skew). What the request opens that outlives it, a live
 * stream, ends then; a session's ends with the session instead.
 */
public record TokenValidUntil(Instant until) {
}

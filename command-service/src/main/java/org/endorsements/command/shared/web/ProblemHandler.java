package org.endorsements.command.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.endorsements.command.shared.DomainRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error becomes an RFC 9457 problem with a stable type. Exception messages and stack traces stay in the
 * log; clients get only the fixed texts written here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final int MAX_FIELD_LENGTH = 100;

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    /** Spring Security's firewall checks header names and values when they are first read, here by MVC. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "malformed-request", "The request's address or headers are not acceptable.");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail commandFailed(RuntimeException e) {
        Optional<DomainRuleViolation> violation = find(e, DomainRuleViolation.class);
        if (violation.isPresent()) {
            DomainRuleViolation v = violation.get();
            ProblemDetail problem = Problems.of(statusOf(v.kind()), v.code(), v.getMessage());
            v.properties().forEach(problem::setProperty);
            return problem;
        }
        if (find(e, AggregateNotFoundException.class).isPresent()) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is no such organization or statement.");
        }
        if (CommandDispatcher.isConflict(e)) {
            return Problems.of(HttpStatus.CONFLICT, "already-exists", "Something with this identifier exists already.");
        }
        log.error("Request failed", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The request could not be processed; nothing was changed.");
    }

    /**
     * A body that could not be read: too large (413), or JSON that is malformed or does not fit the request (400,
     * naming the field where Jackson knows it).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyTooLargeException> tooLarge = find(ex, BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return problem(Problems.of(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "body-too-large",
                    "Request bodies are limited to " + tooLarge.get().maxBytes() + " bytes."));
        }
        Optional<UnrecognizedPropertyException> unknown = find(ex, UnrecognizedPropertyException.class);
        if (unknown.isPresent()) {
            String field = fieldOf(unknown.get());
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "unknown-property",
                    "The request has a property this endpoint does not take: " + field + ".");
            problem.setProperty("field", field);
            return problem(problem);
        }
        Optional<MismatchedInputException> mismatch = find(ex, MismatchedInputException.class);
        if (mismatch.isPresent() && !mismatch.get().getPath().isEmpty()) {
            String field = fieldOf(mismatch.get());
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST, "invalid-field", "The property " + field + " has the wrong type or form.");
            problem.setProperty("field", field);
            return problem(problem);
        }
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    /** Spring MVC's own errors (bad JSON, wrong method, ...): keep the status, hide framework messages. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String code = switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "http-" + status.value();
        };
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The request body or parameters could not be read."
                : status.getReasonPhrase();
        return new ResponseEntity<>(Problems.of(status, code, detail), headers, status);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The JSON path of the offending property, reduced to characters safe to echo ("a.b[0]"). */
    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String safe = path.toString().replaceAll("[^A-Za-z0-9_.\\[\\]-]", "?");
        return safe.length() > MAX_FIELD_LENGTH ? safe.substring(0, MAX_FIELD_LENGTH) + "…" : safe;
    }

    private static HttpStatus statusOf(DomainRuleViolation.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case REJECTED -> HttpStatus.BAD_REQUEST;
        };
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}

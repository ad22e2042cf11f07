package org.endorsements.query.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error is a problem response; no exception text or stack trace reaches a client. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(Problems.of(e.status(), e.code(), e.getMessage()));
    }

    /** A parameter of the wrong type ({@code page=abc}, {@code size=1e99}): a 400 that names it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return badParameter(name, "is not of the expected type", headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return badParameter(ex.getParameterName(), "is missing", headers);
    }

    /** Conversion of a parameter that failed inside a converter rather than by type. */
    @ExceptionHandler(ConversionException.class)
    ResponseEntity<Object> conversion(ConversionException e) {
        return badParameter(null, "could not be read", new HttpHeaders());
    }

    /**
     * Spring Security's firewall checks header names and values when they are first read, which for some (such as
     * {@code Accept}) is inside Spring MVC, after the filter chain.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "The request was refused: its address or headers are not acceptable.");
    }

    /** Raised by authorization checks inside a handler; the filter chain's handler answers the rest. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This key may not read this.");
    }

    private ResponseEntity<Object> badParameter(String name, String what, HttpHeaders headers) {
        // Only the parameter's name (a fixed part of the API), never the value sent or the exception's text.
        String detail = name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")
                ? "A request parameter " + what + "."
                : "The parameter '" + name + "' " + what + ".";
        return new ResponseEntity<>(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", detail), headers, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Request failed", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be answered.");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String code = switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "http-" + status.value();
        };
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The request parameters could not be read."
                : status.getReasonPhrase();
        return new ResponseEntity<>(Problems.of(status, code, detail), headers, status);
    }
}

package org.endorsements.query.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query parameter that is missing or cannot be converted is a 400 problem that names it (the general handler
 * only says that the parameters could not be read). Runs before every other handler; the parameter's value is
 * never echoed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? "a valid value"
                : type == int.class || type == Integer.class
                        ? "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                        : type == long.class || type == Long.class
                                ? "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                                : "a valid value";
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName() + " must be " + expected + ".");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", e.getParameterName() + " is required.");
        problem.setProperty("parameter", e.getParameterName());
        return problem;
    }
}

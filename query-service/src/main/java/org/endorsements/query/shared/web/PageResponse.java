package org.endorsements.query.shared.web;

import java.util.List;

public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 500;
    /**
     * The furthest a page may start: the database skips that many documents one by one, and beyond 2³¹ the skip
     * overflows the driver's int.
     */
    public static final long MAX_OFFSET = 10_000_000;

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(items, page, size, totalItems, size == 0 ? 0 : (totalItems + size - 1) / size);
    }

    public static void validate(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest(
                    "invalid-page", "page must be 0 or more and size between 1 and " + MAX_SIZE + ".");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ProblemException.badRequest("invalid-page", "page times size must not exceed " + MAX_OFFSET + ".");
        }
    }
}

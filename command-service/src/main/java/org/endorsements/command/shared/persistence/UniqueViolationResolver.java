package org.endorsements.command.shared.persistence;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Tells Axon when an append failed because another writer appended the same aggregate sequence number first, so
 * it raises a {@code ConcurrencyException} (retried) instead of a generic store error. Axon's default resolver
 * compares vendor error codes and misses PostgreSQL's batch failures; the SQL state is the same on PostgreSQL
 * and H2 and is also found on chained batch exceptions.
 */
@Component
class UniqueViolationResolver implements PersistenceExceptionResolver {

    /** SQL:2003 "integrity constraint violation: unique violation". */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

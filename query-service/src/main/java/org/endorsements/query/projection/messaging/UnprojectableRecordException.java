package org.endorsements.query.projection.messaging;

/**
 * A topic record that can never be projected (unknown type, missing attributes, a value that does not parse or
 * breaks its schema). Retrying it cannot help: the error handler parks it at once.
 */
class UnprojectableRecordException extends RuntimeException {

    UnprojectableRecordException(String reason) {
        super(reason);
    }
}

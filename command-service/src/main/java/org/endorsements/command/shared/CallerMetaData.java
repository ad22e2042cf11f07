package org.endorsements.command.shared;

/**
 * Where a command carries its caller ({@link org.endorsements.events.Caller}): in its metadata, put there once as
 * it is dispatched, so no command payload can name a caller other than the one who authenticated. Aggregates read
 * it with {@code @MetaDataValue(CallerMetaData.KEY)} to record the actor of their events.
 */
public final class CallerMetaData {

    public static final String KEY = "caller";

    private CallerMetaData() {}
}

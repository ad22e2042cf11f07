package org.endorsements.query.endorsement;

import java.util.Collection;
import java.util.stream.Stream;

/** What other features may ask of the endorsements' views. */
public interface Endorsements {

    /** Every endorsement view; the caller closes the stream. */
    Stream<EndorsementView> views();

    /** The views of these statements' endorsements or with these ids; the caller closes the stream. */
    Stream<EndorsementView> views(Collection<String> statementIds, Collection<String> endorsementIds);
}

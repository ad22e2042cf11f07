package org.endorsements.query.projection;

/** Which generation is live: read by the queries, written by the live projection. */
public interface LiveGeneration {

    Generation current();
}

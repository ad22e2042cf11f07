/**
 * The projection engine, which knows no feature: features plug in as {@link BatchProjection}s.
 *
 * <p>How a batch is applied ({@link ProjectionEngine}). The engine keeps, per aggregate
 * ({@code aggregate type|aggregate id}), the highest sequence it has applied, in the generation's
 * {@code aggregates} collection, and within a batch in memory. It hands every projection only the events new to
 * their aggregate, so a record delivered twice (a consumer restart) or published twice (a relay retry, at another
 * offset) reaches no projection a second time. Then it writes those sequences and the partitions' next offsets,
 * last. A crash at any point before that re-delivers the batch from the stored offsets; each projection guards
 * itself against that case only, cheaply, with what its own documents hold (the aggregate sequence of a view, or
 * the offset last counted: a statement's events are all on one partition). Projections read and write only their
 * own collections, so they are independent of one another and of the order they run in; the one view that needed
 * another's state mid-batch (growth, the statement's running count) keeps its own running total.
 *
 * <p>Around it: the listener seeks to the stored offsets and rebuilds a generation whose data was lost; records
 * that can never be projected are parked in the dead-letter topic; {@link LiveProjection#whilePaused} holds the
 * projection still; a replay builds the next {@link Generation} under its own consumer group and switches reads and
 * projection over at once; the consistency gate answers a read with {@code minPosition} once the engine's aggregate
 * sequence reaches it. After every batch the engine publishes {@link ProjectionAdvanced} with the events it
 * applied, from which features derive what changed for them.
 */
package org.endorsements.query.projection;

/** The audit trail: one immutable entry per event, every other view can be recounted from it. */
package org.endorsements.query.audit;

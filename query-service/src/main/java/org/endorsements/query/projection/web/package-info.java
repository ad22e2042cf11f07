/** Replay, for the admin. */
package org.endorsements.query.projection.web;

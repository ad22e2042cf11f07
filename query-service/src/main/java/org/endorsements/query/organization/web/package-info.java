/** An organization's public resource: its profile and what it endorses publicly, or 410 once it is hidden. */
package org.endorsements.query.organization.web;

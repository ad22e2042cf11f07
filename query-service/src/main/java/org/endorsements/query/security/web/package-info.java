/** Authentication of reads by API key, and its limits. */
package org.endorsements.query.security.web;

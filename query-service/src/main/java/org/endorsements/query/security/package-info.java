/** Who reads: API keys of auditors, the admin and organizations. */
package org.endorsements.query.security;

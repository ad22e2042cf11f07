/** Organizations' profiles and what each of them endorses. */
package org.endorsements.query.organization;

/** Endorsements: one organization's signature of one statement, decided by the Endorsement aggregate. */
package org.endorsements.command.endorsement;

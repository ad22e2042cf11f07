/** Who endorses a statement: one view per endorsement, and who was in force at an instant. */
package org.endorsements.query.endorsement;

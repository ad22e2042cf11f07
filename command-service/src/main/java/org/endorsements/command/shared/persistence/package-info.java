/** Event store plumbing shared by every aggregate. */
package org.endorsements.command.shared.persistence;

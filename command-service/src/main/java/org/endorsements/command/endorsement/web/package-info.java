/** The HTTP endpoints through which an organization endorses or withdraws, and an admin records an import. */
package org.endorsements.command.endorsement.web;

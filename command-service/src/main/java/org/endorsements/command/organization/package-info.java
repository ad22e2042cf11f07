/**
 * Organizations: their registration, suspension and single active API credential, decided by the Organization
 * aggregate.
 */
package org.endorsements.command.organization;

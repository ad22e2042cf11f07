/** The HTTP endpoints that register and suspend organizations and rotate or revoke their keys. */
package org.endorsements.command.organization.web;

/** The HTTP endpoints that publish and close statements. */
package org.endorsements.command.statement.web;

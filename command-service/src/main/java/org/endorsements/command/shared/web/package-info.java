/**
 * HTTP plumbing shared by the controllers: problem details, strict JSON, identifiers from requests and command
 * dispatch.
 */
package org.endorsements.command.shared.web;

/**
 * Who may call what: bearer-key authentication, the request rules, rate limits, body limits and hardening of the
 * server.
 */
package org.endorsements.command.security;

/**
 * Personal data never stored in plain text (issue 20): one AES-256 data key per organization, kept only wrapped
 * under the master key; the personal fields of organization events are sealed with it in the event store and on
 * the topic (events/TOPIC.md, "Personal data"). Destroying an organization's key erases its personal data from every
 * copy of both. The query service obtains keys over the internal endpoint in {@code web}.
 */
package org.endorsements.command.personaldata;

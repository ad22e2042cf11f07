/**
 * The data key table, the event store's sealing serializer and the refusal of event stores written before
 * personal data was sealed.
 */
package org.endorsements.command.personaldata.persistence;

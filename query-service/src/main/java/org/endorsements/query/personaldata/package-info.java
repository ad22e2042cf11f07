/**
 * The data keys that open the personal fields of organization events (events/TOPIC.md, "Personal data"), obtained
 * from the command service's internal endpoint with the service key and kept in memory only: never in MongoDB,
 * never on disk. The views hold the opened, readable values (the view store is a cache of readable data).
 */
package org.endorsements.query.personaldata;

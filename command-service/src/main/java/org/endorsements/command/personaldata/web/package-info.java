/** The internal endpoint the query service obtains data keys from; only the service key reaches it. */
package org.endorsements.command.personaldata.web;

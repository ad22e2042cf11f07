/** The dashboard's message catalogues over HTTP. */
package org.endorsements.query.dashboard.web;

/** A statement's growth series. */
package org.endorsements.query.growth.web;

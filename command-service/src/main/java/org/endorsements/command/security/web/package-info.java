/** Tells the holder of a key who it is. */
package org.endorsements.command.security.web;

/** The public event stream: its topic and relay settings. */
package org.endorsements.command.eventstream;

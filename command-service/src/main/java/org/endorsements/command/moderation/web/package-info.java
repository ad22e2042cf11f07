/** HTTP adapter of moderation. */
package org.endorsements.command.moderation.web;

/** The dashboard's languages: which ones it speaks and how a visitor's is chosen. */
package org.endorsements.query.dashboard;

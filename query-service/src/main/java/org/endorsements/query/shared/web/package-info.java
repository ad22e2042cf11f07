/** Problem details, parameters, bulkheads and headers shared by every controller. */
package org.endorsements.query.shared.web;

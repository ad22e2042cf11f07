package org.endorsements.query.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat answers some requests itself, before any filter or Spring MVC sees them (a malformed URI such as
 * {@code /api/%zz}, a header it cannot parse): with this valve in place of its HTML error page those answers are
 * problem details too. No exception text is written.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answer to a transfer coding it does not know (RFC 9112 suggests 501): the request is at
            // fault, not the server, and a 5xx would page the operator for every such client.
            status = HttpStatus.BAD_REQUEST.value();
            response.setStatus(status);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status == 400 ? "malformed-request" : "http-" + status;
        String body = "{\"type\":\"" + Problems.TYPE_PREFIX + code + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\""
                + (status == 400 ? "The request could not be read: its address or headers are malformed." : title)
                + "\"}";
        try {
            SecurityHeaders.onRefusal(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already written: nothing more to say.
        }
    }
}

package org.endorsements.command.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.endorsements.command.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Tomcat's error report as an RFC 9457 problem, with the security headers and without any server detail. */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

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
        String code = status == 400 ? "malformed-request" : status >= 500 ? "internal-error" : "http-" + status;
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == 400 ? "The request could not be read." : title;
        try {
            SecurityHeaders.apply(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + Problems.TYPE_PREFIX + code + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}

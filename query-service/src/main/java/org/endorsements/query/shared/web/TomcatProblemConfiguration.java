package org.endorsements.query.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Globals;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Malformed requests that Tomcat, not Spring, notices. */
@Configuration(proxyBeanMethods = false)
class TomcatProblemConfiguration {

    /** The host's error report valve is what Tomcat renders its own refusals with; see the valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Tomcat skips a query parameter it cannot decode ({@code ?%zz=1}) and carries on, so the request would be
     * answered as if the parameter had not been sent; this refuses such a request with a 400 problem instead. (Its
     * own FailedRequestFilter does the same with sendError, which Spring Boot's error page answers in JSON that is
     * not a problem.)
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> malformedParameters(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // Asking for any parameter makes Tomcat parse them all, and note whether that failed.
                request.getParameter("");
                if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
                    SecurityHeaders.onRefusal(response);
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(
                            response.getOutputStream(),
                            Problems.of(
                                    HttpStatus.BAD_REQUEST,
                                    "malformed-request",
                                    "A query parameter could not be decoded."));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

package org.endorsements.command.security;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.filters.FailedRequestFilter;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Malformed requests that Tomcat, not Spring, notices. */
@Configuration(proxyBeanMethods = false)
class TomcatHardening {

    /**
     * Tomcat answers some malformed requests itself, before any filter runs (a URI with bad percent-encoding, an
     * encoded slash): its error report valve writes them as problems instead of its HTML page.
     */
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
     * served as if the parameter had not been sent; its own filter refuses such a request with a 400 instead.
     */
    @Bean
    FilterRegistrationBean<FailedRequestFilter> malformedParameters() {
        FilterRegistrationBean<FailedRequestFilter> registration =
                new FilterRegistrationBean<>(new FailedRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

package org.endorsements.query.security.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.endorsements.events.Caller;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.endorsements.query.shared.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read what, in one place. Reads are public unless a rule below says otherwise; a key, when sent, must be
 * valid (else 401, even where no key is needed). The audit trail and reconciliation are for auditors (and the
 * admin), replay for the admin, a receipt for the organization it is about (its own key) or an auditor. Anything
 * else that is not a read needs a key.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String BEARER = "Bearer ";
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    private static final RequestMatcher EMBED = new OrRequestMatcher(Arrays.stream(SecurityHeaders.EMBED_PATHS)
            .map(path ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
            .toList());
    /** Set on requests made with a valid key: every response to them is private and must not be stored. */
    private static final String PRIVATE_RESPONSE = SecurityConfiguration.class.getName() + ".private";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ReadSecurityProperties properties,
            ApiKeyAuthenticationProvider provider,
            ObjectMapper json)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        FailedAuthenticationLimiter limiter = new FailedAuthenticationLimiter(properties.failedAuthentication());
        AuthenticationEntryPoint entryPoint = entryPoint(problems, limiter);
        AuthenticationManager keys = new ProviderManager(provider);
        AuthenticationFilter keyFilter = new AuthenticationFilter(keys, bearerKey());
        keyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        keyFilter.setSuccessHandler(
                (request, response, authentication) -> request.setAttribute(PRIVATE_RESPONSE, Boolean.TRUE));

        http
                // A stateless API: keys in a header, no cookies, no sessions, nothing a forged form could use.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(a -> a.principal(Caller.PUBLIC))
                .addFilterBefore(keyFilter, AnonymousAuthenticationFilter.class)
                .addFilterAfter(
                        new LimitAnonymousRequests(new FailedAuthenticationLimiter(properties.anonymous()), problems),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied(problems)))
                .headers(h -> h
                        // Both depend on the page: only the embeddable counter may be framed by other sites.
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                EMBED,
                                new StaticHeadersWriter(
                                        CONTENT_SECURITY_POLICY, SecurityHeaders.EMBED_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(EMBED),
                                new CompositeHeaderWriter(List.of(
                                        new StaticHeadersWriter(
                                                CONTENT_SECURITY_POLICY, SecurityHeaders.CONTENT_SECURITY_POLICY),
                                        new XFrameOptionsHeaderWriter(
                                                XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
                        .addHeaderWriter((request, response) -> {
                            if (request.getAttribute(PRIVATE_RESPONSE) != null) {
                                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                            }
                        }))
                .authorizeHttpRequests(a -> a
                        // Both go on with a request already authorized (or refused) on its first dispatch.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        // Spring Boot's error page asked for directly renders an error that never happened (500).
                        .requestMatchers("/error")
                        .denyAll()
                        // The protected paths whatever the method: Spring MVC answers HEAD with the GET handler
                        // (which checks nothing itself) and OPTIONS by itself, so neither may get past these.
                        .requestMatchers("/api/statements/*/history", "/api/organizations/*/history")
                        .hasRole(ApiKeyAuthentication.AUDITOR)
                        .requestMatchers("/api/admin/reconciliation")
                        .hasRole(ApiKeyAuthentication.AUDITOR)
                        .requestMatchers("/api/admin/**")
                        .hasRole(ApiKeyAuthentication.ADMIN)
                        .requestMatchers("/api/statements/{statementId}/receipts/{organizationId}")
                        .access(ownOrganizationOrAuditor())
                        // Public: reading, and only reading, of everything else.
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** A bean, so that Spring Boot makes no user store with a generated password of its own. */
    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(
            ReadSecurityProperties properties, OrganizationKeys organizations) {
        return new ApiKeyAuthenticationProvider(properties, organizations);
    }

    /** The organization named in the path, with its own key, or an auditor: a receipt holds its opening. */
    private static AuthorizationManager<RequestAuthorizationContext> ownOrganizationOrAuditor() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Object principal = authentication.get().getPrincipal();
            String organizationId = context.getVariables().get("organizationId");
            boolean allowed =
                    principal instanceof Caller caller && (caller.isAuditor() || caller.actsFor(organizationId));
            return new AuthorizationDecision(allowed);
        };
    }

    /** {@code Authorization: Bearer <key>}; no header is the public reader; any other header is refused. */
    private static AuthenticationConverter bearerKey() {
        return request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                return null;
            }
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new BadCredentialsException("not a bearer key");
            }
            return ApiKeyAuthentication.presented(
                    header.substring(BEARER.length()).strip());
        };
    }

    /**
     * 401 for a missing or wrong key where one is needed; past the address's limit of failures, 429. Only failures
     * are charged and refused: a valid key from the same address (a NAT, a proxy, a Tor exit) is checked first and
     * goes on.
     */
    private static AuthenticationEntryPoint entryPoint(ProblemResponses problems, FailedAuthenticationLimiter limiter) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof KeysNotYetKnownException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "keys-not-loaded",
                        "Organization keys are still being loaded; retry in a second.");
                return;
            }
            Duration wait = limiter.failed(request.getRemoteAddr());
            if (!wait.isZero()) {
                tooMany(problems, response, wait);
                return;
            }
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                problems.unauthorized(
                        response,
                        "authentication-required",
                        "This needs a key: send it as 'Authorization: Bearer <key>'.");
            } else {
                problems.unauthorized(
                        response, "invalid-credentials", "The API key is not valid here; public reads need no key.");
            }
        };
    }

    private static AccessDeniedHandler denied(ProblemResponses problems) {
        return (request, response, e) ->
                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "This key may not read this.");
    }

    private static void tooMany(ProblemResponses problems, HttpServletResponse response, Duration wait)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(FailedAuthenticationLimiter.retryAfterSeconds(wait)));
        problems.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-failed-authentications",
                "Too many requests from this address failed authentication; retry later.");
    }

    /**
     * Spring Security's strict firewall (its defaults refuse {@code ;}, encoded slashes, dots and percent signs,
     * backslashes and non-printable characters), answered with a problem instead of a bare 400.
     */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, e) -> {
            // Refused before the filter chain's header writers run.
            SecurityHeaders.onRefusal(response);
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "The request was refused: its address or headers are not acceptable.");
        };
    }

    /**
     * Requests without a key, per client address: past the limit, 429. Those with a key are limited by the key
     * check (a failure is charged to the address) and the work they may ask for.
     */
    private static final class LimitAnonymousRequests extends OncePerRequestFilter {

        private final FailedAuthenticationLimiter limiter;
        private final ProblemResponses problems;

        LimitAnonymousRequests(FailedAuthenticationLimiter limiter, ProblemResponses problems) {
            this.limiter = limiter;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                Duration wait = limiter.failed(request.getRemoteAddr());
                if (!wait.isZero()) {
                    response.setHeader(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(FailedAuthenticationLimiter.retryAfterSeconds(wait)));
                    problems.write(
                            response,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-anonymous-requests",
                            "Too many requests without a key from this address; retry later.");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}

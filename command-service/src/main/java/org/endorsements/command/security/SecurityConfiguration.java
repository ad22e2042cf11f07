package org.endorsements.command.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.endorsements.events.Caller;
import org.endorsements.events.ServiceKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The command service's one security filter chain, and every authorization rule of its endpoints, in one place:
 * who may act for which organization and what only the admin may do is decided here and nowhere else (commands
 * carry the caller only to record it, see {@link CallerDispatchInterceptor}). Order of the filters that matter:
 * firewall (before the chain) → bearer-key authentication → rate limit → authorization → body size limit → Spring
 * MVC. So a request is refused before any aggregate is loaded or any body read unless its caller may make it;
 * anything not listed is refused (default deny).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ApiKeyAuthenticationProvider provider,
            RateLimiter rateLimiter,
            SecurityProperties properties,
            ObjectMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        // Liveness and readiness read this process's state only (no database), and a probe refused because a flood
        // shares its address would get a healthy instance restarted; /actuator/health itself checks the database
        // and stays limited.
        RateLimitFilter rateLimit = new RateLimitFilter(
                rateLimiter,
                problems,
                new OrRequestMatcher(
                        PATHS.matcher(GET, "/actuator/health/liveness"),
                        PATHS.matcher(GET, "/actuator/health/readiness")));

        AuthenticationFilter authentication = new AuthenticationFilter(
                new ProviderManager(provider), new BearerKeyConverter(properties.maxKeyLength()));
        authentication.setSuccessHandler((request, response, auth) -> {
            // continue the chain: every request authenticates itself, there is no login to redirect from
        });
        authentication.setFailureHandler((request, response, e) -> rateLimit.failedAuthentication(request, response));

        http.csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: a bearer key is not sent by a browser
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimit, AnonymousAuthenticationFilter.class)
                .addFilterAfter(
                        new BodySizeLimitFilter(properties.maxBodySize().toBytes(), problems),
                        AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", SecurityHeaders.CACHE_CONTROL))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                PATHS.matcher(GET, "/actuator/health"),
                                PATHS.matcher(GET, "/actuator/health/**"),
                                PATHS.matcher(GET, "/actuator/prometheus"))
                        .permitAll()
                        // The API description is public (the project is open source); see the README.
                        .requestMatchers(
                                PATHS.matcher(GET, "/v3/api-docs"),
                                PATHS.matcher(GET, "/v3/api-docs/**"),
                                PATHS.matcher(GET, "/v3/api-docs.yaml"),
                                PATHS.matcher(GET, "/swagger-ui.html"),
                                PATHS.matcher(GET, "/swagger-ui/**"))
                        .permitAll()
                        .requestMatchers(PATHS.matcher(GET, "/api/credentials/me"))
                        .access(anyKey())
                        .requestMatchers(PATHS.matcher(POST, "/api/organizations"))
                        .access(adminOnly())
                        .requestMatchers(PATHS.matcher(POST, "/api/organizations/{organizationId}/suspend"))
                        .access(adminOnly())
                        // The pin stands for what the organization published outside the platform; the
                        // organization's own word on the platform is what it is meant to check.
                        .requestMatchers(PATHS.matcher(PUT, "/api/organizations/{organizationId}/signing-key-pin"))
                        .access(adminOnly())
                        .requestMatchers(
                                PATHS.matcher(POST, "/api/organizations/{organizationId}/credentials"),
                                PATHS.matcher(DELETE, "/api/organizations/{organizationId}/credentials"),
                                PATHS.matcher(POST, "/api/organizations/{organizationId}/hide"),
                                PATHS.matcher(DELETE, "/api/organizations/{organizationId}/personal-data"),
                                PATHS.matcher(PUT, "/api/organizations/{organizationId}/profile"))
                        .access(selfOrAdmin())
                        .requestMatchers(
                                PATHS.matcher(PUT, "/api/organizations/{organizationId}/signing-keys/{keyId}"),
                                PATHS.matcher(DELETE, "/api/organizations/{organizationId}/signing-keys/{keyId}"))
                        .access(selfOrAdmin())
                        .requestMatchers(
                                PATHS.matcher(POST, "/api/statements"),
                                PATHS.matcher(POST, "/api/statements/{statementId}/close"),
                                PATHS.matcher(POST, "/api/statements/{statementId}/translations"),
                                PATHS.matcher(POST, "/api/statements/{statementId}/amendments"),
                                PATHS.matcher(PUT, "/api/statements/{statementId}/targets"))
                        .access(adminOnly())
                        // Moderation is the platform's decision about a signature, never the organization's.
                        .requestMatchers(
                                PATHS.matcher(
                                        POST,
                                        "/api/statements/{statementId}/endorsements/{organizationId}/invalidation"),
                                PATHS.matcher(
                                        POST,
                                        "/api/statements/{statementId}/endorsements/{organizationId}/reinstatement"),
                                PATHS.matcher(POST, "/api/statements/{statementId}/invalidations/preview"),
                                PATHS.matcher(POST, "/api/statements/{statementId}/invalidation-jobs"),
                                PATHS.matcher(GET, "/api/statements/{statementId}/invalidation-jobs/{jobId}"))
                        .access(adminOnly())
                        .requestMatchers(
                                PATHS.matcher(PUT, "/api/statements/{statementId}/endorsements/{organizationId}"),
                                PATHS.matcher(DELETE, "/api/statements/{statementId}/endorsements/{organizationId}"))
                        .access(selfOrAdmin())
                        // Visibility is the organization's own choice; the admin hides it only as a whole (hide).
                        .requestMatchers(PATHS.matcher(
                                PUT, "/api/statements/{statementId}/endorsements/{organizationId}/visibility"))
                        .access(selfOnly())
                        .anyRequest()
                        .access(deny()));
        return http.build();
    }

    /**
     * The internal endpoints (the data keys of organizations' personal data) have a chain of their own: the
     * service key the query service holds, and no API key, the admin's included, gets through.
     */
    @Bean
    @Order(1)
    SecurityFilterChain internalFilterChain(
            HttpSecurity http,
            ObjectMapper json,
            @Value("${endorsements.personal-data.service-key:}") String serviceKey,
            SecurityProperties properties)
            throws Exception {
        ServiceKeyFilter authentication =
                new ServiceKeyFilter(ServiceKey.fromConfiguration(serviceKey, properties.adminKey()), json);
        SecurityProblems problems = new SecurityProblems(json);
        http.securityMatcher(PATHS.matcher("/internal/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.cacheControl(c -> c.disable())
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", SecurityHeaders.CACHE_CONTROL)))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(PATHS.matcher(GET, "/internal/data-keys/{organizationId}"))
                        .hasRole(ServiceKeyFilter.ROLE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** Its defaults refuse ';', encoded slashes, periods and percent signs, '//', backslashes and control bytes. */
    @Bean
    WebSecurityCustomizer firewall(ObjectMapper json) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        SecurityProblems problems = new SecurityProblems(json);
        return web -> web.httpFirewall(firewall).requestRejectedHandler(problems);
    }

    private static AuthorizationManager<RequestAuthorizationContext> anyKey() {
        return rule((caller, context) -> caller != null ? GRANTED : Refusal.NOT_AN_ENDPOINT);
    }

    private static AuthorizationManager<RequestAuthorizationContext> adminOnly() {
        return rule((caller, context) -> caller != null && caller.isAdmin() ? GRANTED : Refusal.ADMIN_ONLY);
    }

    /** The {organizationId} of the path is the caller's own organization, or the caller is the admin. */
    private static AuthorizationManager<RequestAuthorizationContext> selfOrAdmin() {
        return rule((caller, context) -> {
            String organizationId = context.getVariables().get("organizationId");
            boolean allowed = caller != null && (caller.isAdmin() || caller.actsFor(organizationId));
            return allowed ? GRANTED : Refusal.NOT_YOUR_ORGANIZATION;
        });
    }

    /** The {organizationId} of the path is the caller's own organization. */
    private static AuthorizationManager<RequestAuthorizationContext> selfOnly() {
        return rule((caller, context) -> {
            String organizationId = context.getVariables().get("organizationId");
            return caller != null && caller.actsFor(organizationId) ? GRANTED : Refusal.NOT_YOUR_ORGANIZATION;
        });
    }

    private static AuthorizationManager<RequestAuthorizationContext> deny() {
        return rule((caller, context) -> Refusal.NOT_AN_ENDPOINT);
    }

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private interface Rule {
        AuthorizationDecision decide(Caller caller, RequestAuthorizationContext context);
    }

    private static AuthorizationManager<RequestAuthorizationContext> rule(Rule rule) {
        return new AuthorizationManager<>() {
            @Override
            @SuppressWarnings("deprecation")
            public AuthorizationDecision check(
                    Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                return rule.decide(ApiKeyAuthentication.callerOf(authentication.get()), context);
            }

            @Override
            public AuthorizationResult authorize(
                    Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                return check(authentication, context);
            }
        };
    }
}

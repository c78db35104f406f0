package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Roles;
import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. Spring Security authenticates against Camunda's identity tables
 * ({@link CamundaIdentityAuthenticationProvider}); Camunda's webapps and REST API then trust that
 * user through container-based authentication, so Camunda's own authorizations still decide what
 * a user may see in Tasklist and Cockpit. The webapps and the engine REST API are for coordinators only
 * (integrations may read {@code /engine-rest}). Deny by default: every URL not listed is authenticated.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String PORTAL_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Swagger UI (springdoc): its own scripts only; React sets inline style attributes, its icons are data: URIs. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Who may use the Camunda webapps and write through the engine REST API: coordinators (Camunda administrators). */
    private static final String[] ENGINE_ADMINS = {Roles.COORDINATORS, Roles.CAMUNDA_ADMIN};

    /** Camunda's filters read the user that Spring Security has just put into the security context. */
    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    /**
     * The engine REST API: HTTP Basic, no session (so no CSRF exposure). Coordinators; the integrations role
     * reads (GET/HEAD) only. City officers, jury members and companies work in the portal. Which writes exist
     * at all is the engine's allow-list (workflow's EngineDoors filter), behind this.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(HttpMethod.GET, "/engine-rest/**"), path(HttpMethod.HEAD, "/engine-rest/**"))
                        .hasAnyAuthority(Roles.COORDINATORS, Roles.CAMUNDA_ADMIN, Roles.INTEGRATIONS)
                        .anyRequest().hasAnyAuthority(ENGINE_ADMINS))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Portal and Camunda webapps share the session and the login page. */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
            AuthenticationFailureHandler loginFailureHandler) throws Exception {
        return http
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        .requestMatchers("/login", "/register", "/register/confirm", "/actuator/health", "/actuator/info").permitAll()
                        // an invitation link is public but bound to its token (InvitationAcceptancePage); /invitation/join needs a login
                        .requestMatchers("/invitation").permitAll()
                        // the header's language switch works for visitors too (a GET setting a cookie: no session)
                        .requestMatchers(HttpMethod.POST, "/language").permitAll()
                        .requestMatchers(HttpMethod.GET, "/language").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/outcomes").permitAll()
                        .requestMatchers(HttpMethod.GET, "/challenges", "/challenges/{id}", "/challenges/{id}/results").permitAll()
                        .requestMatchers(HttpMethod.GET, "/bylaws", "/bylaws/{version}").permitAll()
                        .requestMatchers("/applications/**", "/challenges/{id}/apply").hasAuthority(Roles.COMPANIES)
                        .requestMatchers("/city/**").hasAuthority(Roles.CITY_OFFICERS)
                        .requestMatchers("/coordinator/**", "/coordinator").hasAuthority(Roles.COORDINATORS)
                        // documents: the bylaws PDFs are published (contracts and reports check their readers themselves)
                        .requestMatchers(HttpMethod.GET, "/bylaws/{version}.pdf").permitAll()
                        // Marketplace (issue 7): browsing, search and the public JSON API are open to all;
                        // suppliers keep their solutions and see aggregated demand; city officers review,
                        // register framework contracts, ask to join, share documents and replicate.
                        .requestMatchers(HttpMethod.GET, "/api/marketplace/**").permitAll()
                        .requestMatchers("/marketplace/my-solutions/**", "/marketplace/my-solutions").hasAuthority(Roles.COMPANIES)
                        .requestMatchers("/marketplace/prospection").hasAnyAuthority(Roles.COMPANIES, Roles.COORDINATORS)
                        .requestMatchers("/marketplace/city/**").hasAuthority(Roles.CITY_OFFICERS)
                        .requestMatchers(HttpMethod.GET, "/marketplace", "/marketplace/solutions/*", "/marketplace/guided",
                                "/marketplace/frameworks", "/marketplace/frameworks/*", "/marketplace/documents",
                                "/marketplace/documents/*").permitAll()
                        // Open data is public (read-only).
                        .requestMatchers(HttpMethod.GET, "/api/ocds/**", "/api/docs", "/api/docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/challenges", "/api/challenges/*").permitAll()
                        // the signed contract is published with its OCDS contract release (the controller 404s before signing)
                        .requestMatchers(HttpMethod.GET, "/contracts/{id}/signed.pdf").permitAll()
                        // Camunda's webapps (and their internal REST: engine, cockpit, tasklist, admin) are for
                        // coordinators only; city officers, jury members and companies work in the portal.
                        .requestMatchers(path("/camunda/**")).hasAnyAuthority(ENGINE_ADMINS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailureHandler).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?logout").permitAll())
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN), which Spring's would break.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.sameOrigin())
                        // Our pages load nothing from elsewhere and have no inline script or style. Camunda's
                        // webapps send their own policy (two policies would both apply); Swagger UI gets its own below.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/api/docs/**"))),
                                new StaticHeadersWriter("Content-Security-Policy", PORTAL_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/api/docs/**"),
                                new StaticHeadersWriter("Content-Security-Policy", API_DOCS_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
                .build();
    }

    /**
     * No timing observations of Spring Security's own (a Micrometer observation around every filter of every request,
     * then of the authorization and the authentication): their metrics go nowhere (the actuator exposes health and info
     * only), and they were 7 % of a submission's CPU samples in the deadline rush (issue 19). Without them the filter
     * chain is not wrapped at all; the filters and what they decide are the same.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Camunda's webapps and REST API are not served by Spring MVC, so match them by plain path. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Tasklist, Cockpit and Admin take the Spring Security user instead of showing their own login. */
    @Bean
    FilterRegistrationBean<Filter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-sso");
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityCamundaAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** /engine-rest runs as the authenticated user, so Camunda's authorizations apply to REST calls. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityCamundaAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}

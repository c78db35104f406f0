package eu.smartcity.accelerator.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

/** The login throttle, the login page's two failure answers, and no password check that bypasses them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginSettings.class)
class LoginConfiguration {

    @Bean
    LoginThrottle loginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginSettings settings) {
        return new LoginThrottle(JdbcClient.create(jdbc), transactions, Clock.systemUTC(), settings.longestMemory());
    }

    /** A wrong password and a throttled attempt look the same for any user id; only "wait" differs from "wrong". */
    @Bean
    ExceptionMappingAuthenticationFailureHandler loginFailureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?wait"));
        return handler;
    }

    /**
     * Camunda answers two password checks of its own that would go around the throttle: the webapps' login
     * form (unused: the webapps take the portal's login) and /engine-rest/identity/verify. Neither is needed.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noUnthrottledPasswordChecks() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isCamundaPasswordCheck(request.getRequestURI().substring(request.getContextPath().length()))) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("no-unthrottled-password-checks");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static boolean isCamundaPasswordCheck(String path) {
        String normalised = path.toLowerCase(java.util.Locale.ROOT).replaceAll("/+", "/").replaceAll("/$", "");
        return normalised.startsWith("/engine-rest/identity/verify")
                || normalised.matches("/camunda/api/admin/auth/user/[^/]+/login(/.*)?");
    }
}

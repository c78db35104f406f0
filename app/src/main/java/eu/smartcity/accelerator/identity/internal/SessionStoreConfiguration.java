package eu.smartcity.accelerator.identity.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Boot's JDBC session repository, wrapped in {@link FrugalSessionRepository} (fewer statements per request);
 * its scheduled clean-up of expired sessions and everything else it is configured with stay as Boot made them.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    static BeanPostProcessor frugalSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new FrugalSessionRepository(jdbc) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter: the sessions a request reads are read once ({@link FrugalSessionRepository}). */
    @Bean
    FilterRegistrationBean<Filter> sessionReadOncePerRequest() {
        Filter filter = (request, response, chain) -> FrugalSessionRepository.readingOncePerRequest(() -> chain.doFilter(request, response));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("session-read-once-per-request");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }
}

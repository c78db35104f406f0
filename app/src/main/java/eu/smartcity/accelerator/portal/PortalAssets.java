package eu.smartcity.accelerator.portal;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static assets of the portal: links to them carry their version (a content hash for {@code /css/**} and
 * {@code /js/**}, the webjar's version for {@code /webjars/**}; {@code spring.web.resources.chain} in
 * application.yml), resolved once per link by {@link AssetLinkFilter} instead of once per link per page.
 */
@Configuration(proxyBeanMethods = false)
class PortalAssets {

    /** Typed as Spring's filter so that Spring Boot's own registration (@ConditionalOnMissingFilterBean) steps back. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> assetLinkFilter(@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider resources) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new AssetLinkFilter(resources));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}

package eu.smartcity.accelerator.marketplace.internal;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceConfiguration {

    @Bean
    CatalogueSearch catalogueSearch(DataSource dataSource) {
        return new CatalogueSearch(dataSource);
    }
}

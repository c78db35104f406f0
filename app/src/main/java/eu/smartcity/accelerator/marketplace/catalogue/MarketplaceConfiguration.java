package eu.smartcity.accelerator.marketplace.catalogue;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceConfiguration {

    @Bean
    CatalogueSearch catalogueSearch(DataSource dataSource,
            @Value("${accelerator.marketplace.search-cap:" + CatalogueSearch.DEFAULT_CAP + "}") int cap) {
        return new CatalogueSearch(dataSource, cap);
    }
}

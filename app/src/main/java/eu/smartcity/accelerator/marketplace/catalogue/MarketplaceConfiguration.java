package eu.smartcity.accelerator.marketplace.catalogue;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceConfiguration {

    /** Settings explained in docs/settings.md; {@code concurrent-searches} 0 (the default) is two per processor. */
    @Bean
    CatalogueSearch catalogueSearch(DataSource dataSource,
            @Value("${accelerator.marketplace.search-cap:" + CatalogueSearch.DEFAULT_CAP + "}") int cap,
            @Value("${accelerator.marketplace.concurrent-searches:0}") int concurrentSearches,
            @Value("${accelerator.marketplace.search-queue-wait:2s}") Duration queueWait) {
        return new CatalogueSearch(dataSource, cap,
                concurrentSearches > 0 ? concurrentSearches : CatalogueSearch.defaultConcurrentSearches(), queueWait);
    }
}

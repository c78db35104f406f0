package eu.smartcity.accelerator.publicapi;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Where the API's buckets are kept ({@link ApiRateLimitBuckets}) and their cleanup. */
@Configuration(proxyBeanMethods = false)
class ApiRateLimitConfiguration {

    @Bean
    ApiRateLimitBuckets apiRateLimitBuckets(DataSource dataSource, @Value("${accelerator.api.requests-per-minute}") int requestsPerMinute) {
        return ApiRateLimitBuckets.forDatabase(dataSource, requestsPerMinute);
    }

    /** Rows of buckets that have refilled go, on one node at a time (PostgreSQL; memory buckets bound themselves). */
    @Component
    static class Cleanup {

        private final ApiRateLimitBuckets buckets;

        Cleanup(ApiRateLimitBuckets buckets) {
            this.buckets = buckets;
        }

        @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT15M")
        @SchedulerLock(name = "api-rate-limit-cleanup", lockAtMostFor = "PT10M")
        public void removeRefilledBuckets() {
            if (buckets instanceof ApiRateLimitBuckets.InPostgres shared) {
                while (shared.removeExpired(1000) == 1000) {
                    // a big backlog goes in batches, each a short statement
                }
            }
        }
    }
}

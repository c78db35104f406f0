package eu.smartcity.accelerator.privacy.retention;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention run once a day, on one node of the cluster (ShedLock row {@code retention}; held at least an hour so
 * that a node whose clock or cron fires a little later does not run it a second time). At 02:30 by default: after
 * the engine's history cleanup window opened, before anyone works. Off with
 * {@code accelerator.retention.scheduling.enabled=false} (tests call {@link RetentionJob#run} with their own clock): the
 * cron then becomes Spring's "-", no trigger at all. Read when the app runs, not by a bean condition: the image's Spring
 * AOT start fixes bean conditions when the jar is built.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {

    private final RetentionJob job;

    RetentionScheduling(RetentionJob job) {
        this.job = job;
    }

    @Scheduled(cron = "#{${accelerator.retention.scheduling.enabled:true} ? '${accelerator.retention.cron:0 30 2 * * *}' : '-'}",
            zone = "${accelerator.retention.zone:UTC}")
    @SchedulerLock(name = "retention", lockAtMostFor = "PT3H", lockAtLeastFor = "PT1H")
    public void daily() {
        job.run(Instant.now());
    }
}

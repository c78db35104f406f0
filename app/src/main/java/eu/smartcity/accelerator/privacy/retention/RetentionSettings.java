package eu.smartcity.accelerator.privacy.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accelerator.retention.*}: how long each retention class keeps a record after the event that ends its use
 * (ISO durations in days). PERSONAL_ACCOUNT has no setting here: it is the inactive accounts' path to erasure
 * ({@code accelerator.inactive-accounts.*}). Why these values: docs/retention.md.
 */
@ConfigurationProperties("accelerator.retention")
record RetentionSettings(@DefaultValue("P3650D") Duration procurementRecord, @DefaultValue("P3650D") Duration publicRecord,
        @DefaultValue("P90D") Duration personalOperational) {}

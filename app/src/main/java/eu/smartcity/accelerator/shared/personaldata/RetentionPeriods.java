package eu.smartcity.accelerator.shared.personaldata;

import java.time.Duration;
import java.util.Optional;

/** How long each retention class keeps a record after the event that ends its use (settings {@code accelerator.retention.*}). */
public interface RetentionPeriods {

    /** The period of the class; empty for {@link RetentionClass#NONE} (kept as long as the programme runs). */
    Optional<Duration> of(RetentionClass retentionClass);
}

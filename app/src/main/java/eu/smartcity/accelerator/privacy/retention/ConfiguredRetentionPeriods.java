package eu.smartcity.accelerator.privacy.retention;

import eu.smartcity.accelerator.privacy.inactivity.InactivitySettings;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The periods from the settings; refuses to start on a period that is not positive (a typo would erase everything). */
@Component
@EnableConfigurationProperties({RetentionSettings.class, InactivitySettings.class})
class ConfiguredRetentionPeriods implements RetentionPeriods {

    private final RetentionSettings settings;
    private final InactivitySettings inactivity;

    ConfiguredRetentionPeriods(RetentionSettings settings, InactivitySettings inactivity) {
        this.settings = settings;
        this.inactivity = inactivity;
        for (RetentionClass retentionClass : RetentionClass.values()) {
            of(retentionClass).filter(d -> d.isZero() || d.isNegative()).ifPresent(d -> {
                throw new IllegalStateException("Retention period of " + retentionClass + " must be positive: " + d);
            });
        }
    }

    @Override
    public Optional<Duration> of(RetentionClass retentionClass) {
        return switch (retentionClass) {
            case PROCUREMENT_RECORD -> Optional.of(settings.procurementRecord());
            case PUBLIC_RECORD -> Optional.of(settings.publicRecord());
            case PERSONAL_ACCOUNT -> Optional.of(inactivity.untilErased());
            case PERSONAL_OPERATIONAL -> Optional.of(settings.personalOperational());
            case NONE -> Optional.empty();
        };
    }
}

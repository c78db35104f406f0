package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuotaOverrides extends JpaRepository<QuotaOverride, UUID> {

    List<QuotaOverride> findByChallengeIdOrderByOverriddenAt(UUID challengeId);

    List<QuotaOverride> findByCycleIdOrderByOverriddenAt(UUID cycleId);
}

package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelectionReopenings extends JpaRepository<SelectionReopening, UUID> {

    List<SelectionReopening> findByChallengeIdOrderByRound(UUID challengeId);
}

package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JpaApplicationDrafts implements ApplicationDrafts {

    private static final BigDecimal MAX_BUDGET = new BigDecimal("9999999999.99"); // NUMERIC(12,2)

    private final ApplicationDraftRepository drafts;
    private final Challenges challenges;
    private final Clock clock = Clock.systemUTC();

    JpaApplicationDrafts(ApplicationDraftRepository drafts, Challenges challenges) {
        this.drafts = drafts;
        this.challenges = challenges;
    }

    @Override
    public Draft save(Draft draft, String savedBy) {
        withinInputLimits(draft);
        Challenges.ChallengeView challenge = challenges.find(draft.challengeId())
                .orElseThrow(() -> new ApplicationRefusedException("apply.refused.noChallenge", "No challenge " + draft.challengeId()));
        Instant now = clock.instant();
        if (!challenge.acceptsApplications(now)) {
            throw new ApplicationRefusedException("draft.refused.closed",
                    "The call for '" + challenge.title() + "' is closed; drafts can no longer be saved.", challenge.title());
        }
        ApplicationDraft stored = drafts.findByChallengeIdAndCompanyGroup(draft.challengeId(), draft.companyGroup())
                .orElseGet(() -> new ApplicationDraft(draft.challengeId(), draft.companyGroup()));
        stored.fill(draft, savedBy, now);
        try {
            return drafts.saveAndFlush(stored).view();
        } catch (DataIntegrityViolationException sameMoment) {
            // two tabs saved the first draft at once: the unique key kept one; this save is lost, say so
            throw new ApplicationRefusedException("draft.refused.concurrent", "Saved twice at the same moment; save again.");
        }
    }

    /** The same limits as the columns and the apply form; nothing else is required of a draft. */
    static void withinInputLimits(Draft d) {
        require(d.solutionTitle() == null || d.solutionTitle().length() <= 200, "solutionTitle");
        require(d.pitch() == null || d.pitch().length() <= 4000, "pitch");
        require(d.requestedBudget() == null || (d.requestedBudget().signum() >= 0 && d.requestedBudget().compareTo(MAX_BUDGET) <= 0
                && d.requestedBudget().scale() <= 2), "requestedBudget");
        require(d.trl() == null || (d.trl() >= 0 && d.trl() <= 99), "trl");
        require(d.country() == null || d.country().matches("[A-Z]{2}"), "country");
        require(d.employees() == null || (d.employees() >= 0 && d.employees() <= 10_000_000), "employees");
        require(d.companyGroup() != null && d.companyGroup().startsWith("company-"), ApplicationProcess.COMPANY_GROUP.name());
    }

    private static void require(boolean condition, String field) {
        if (!condition) {
            throw new RuleViolationException(field, "draft.beyondLimit", "beyond the input limit");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Draft> find(UUID challengeId, String companyGroup) {
        return drafts.findByChallengeIdAndCompanyGroup(challengeId, companyGroup).map(ApplicationDraft::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Draft> ofCompany(String companyGroup) {
        return drafts.findByCompanyGroupOrderBySavedAtDesc(companyGroup).stream().map(ApplicationDraft::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> holdersOf(UUID challengeId) {
        return drafts.findByChallengeIdOrderByCompanyGroup(challengeId).stream().map(d -> d.view().companyGroup()).toList();
    }

    @Override
    public boolean discard(UUID challengeId, String companyGroup) {
        Optional<ApplicationDraft> draft = drafts.findByChallengeIdAndCompanyGroup(challengeId, companyGroup);
        draft.ifPresent(drafts::delete);
        return draft.isPresent();
    }
}

package eu.smartcity.accelerator.marketplace.replication;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.catalogue.Implementations;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import eu.smartcity.accelerator.marketplace.catalogue.Solutions;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From an implementation piloted in the accelerator, another city starts the {@code replication}
 * process (business key = the replication id): the supplier confirms, a contract starts from the
 * original's, and the new pilot links to the original pilot ({@code original_pilot_id}). Durations and
 * milestones come from the original challenge's cycle's pinned bylaws.
 */
@Service
public class ReplicationStarter {

    private final Implementations implementations;
    private final Solutions solutions;
    private final Replications replications;
    private final Challenges challenges;
    private final Cycles cycles;
    private final RuntimeService runtime;
    private final Clock clock = Clock.systemUTC();

    ReplicationStarter(Implementations implementations, Solutions solutions, Replications replications, Challenges challenges,
            Cycles cycles, RuntimeService runtime) {
        this.implementations = implementations;
        this.solutions = solutions;
        this.replications = replications;
        this.challenges = challenges;
        this.cycles = cycles;
        this.runtime = runtime;
    }

    @Transactional
    public Replication start(UUID implementationId, String cityGroup, String userId) {
        Implementation implementation = implementations.findById(implementationId)
                .filter(Implementation::replicable)
                .orElseThrow(() -> new NotFoundException("replicable implementation " + implementationId));
        if (implementation.cityGroup().equals(cityGroup)) {
            throw new FrameworkContracts.JoinNotPossibleException("market.replicate.ownCity");
        }
        // one running replication per city and implementation (a second click starts nothing); the ended ones give up
        // their running key, so that two officers at once (on two nodes) collide on its unique constraint below
        boolean running = false;
        for (Replication earlier : replications.findByImplementationIdAndCityGroup(implementationId, cityGroup)) {
            if (runtime.createProcessInstanceQuery().processInstanceId(earlier.processInstanceId()).count() > 0) {
                running = true;
            } else if (earlier.holdsRunningKey()) {
                earlier.ended();
                replications.saveAndFlush(earlier);
            }
        }
        if (running) {
            throw new FrameworkContracts.JoinNotPossibleException("market.replicate.alreadyRunning");
        }
        Solution solution = solutions.findById(implementation.solutionId()).orElseThrow();
        Challenges.ChallengeView challenge = challenges.find(implementation.challengeId())
                .orElseThrow(() -> new NotFoundException("challenge " + implementation.challengeId()));
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        UUID replicationId = UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReplicationProcess.REPLICATION_ID.name(), ReplicationProcess.REPLICATION_ID.stored(replicationId));
        variables.put(ReplicationProcess.ORIGINAL_PILOT_ID.name(), ReplicationProcess.ORIGINAL_PILOT_ID.stored(implementation.pilotId()));
        variables.put(ReplicationProcess.CYCLE_ID.name(), ReplicationProcess.CYCLE_ID.stored(challenge.cycleId()));
        variables.put(ReplicationProcess.CITY_GROUP.name(), cityGroup);
        variables.put(ChallengeProcess.COMPANY_GROUP.name(), solution.supplierGroup());
        variables.put(ChallengeProcess.CONTRACT_AMOUNT.name(), solution.indicativeCost().doubleValue());
        variables.put(ChallengeProcess.MILESTONE_COUNT.name(), ChallengeProcess.MILESTONE_COUNT.stored(bylaws.milestonesPerPilot()));
        for (String duration : ChallengeProcess.DURATIONS) {
            variables.put(duration, bylaws.duration(duration));
        }
        String pi = runtime.startProcessInstanceByKey(ReplicationProcess.KEY, replicationId.toString(), variables).getId();
        try {
            // flushed here so that a concurrent start's row makes this one fail now, rolling back the process start too
            return replications.saveAndFlush(new Replication(replicationId, implementationId, cityGroup, userId, pi, clock.instant()));
        } catch (DataIntegrityViolationException anotherOfficerWasFirst) {
            throw new FrameworkContracts.JoinNotPossibleException("market.replicate.alreadyRunning");
        }
    }
}

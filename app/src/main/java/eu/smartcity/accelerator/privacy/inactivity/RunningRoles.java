package eu.smartcity.accelerator.privacy.inactivity;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.identity.Roles;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether a person holds a role in a running cycle, which keeps an inactive account from being erased (the cycle's
 * records still need the person behind the role). Asked through each module's API only.
 */
@Component
class RunningRoles {

    private final Cycles cycles;
    private final JuryPool juryPool;
    private final Challenges challenges;
    private final Applications applications;

    RunningRoles(Cycles cycles, JuryPool juryPool, Challenges challenges, Applications applications) {
        this.cycles = cycles;
        this.juryPool = juryPool;
        this.challenges = challenges;
        this.applications = applications;
    }

    /** The role that keeps the account, as a word for the record ({@code coordinator}, {@code jury}, …); empty when none. */
    Optional<String> of(People.Person person) {
        if (person.roles().contains(Roles.COORDINATORS)) {
            return Optional.of("coordinator"); // the programme's office: never erased by a job, only on request
        }
        if (person.roles().contains(Roles.JURY) && inPoolOfOpenCycle(person.userId())) {
            return Optional.of("jury");
        }
        String organisation = person.organisation();
        if (organisation != null && organisation.startsWith("city-") && person.roles().contains(Roles.CITY_OFFICERS)
                && challenges.ofCity(organisation).stream().anyMatch(c -> !c.stage().ended())) {
            return Optional.of("city-officer");
        }
        if (organisation != null && organisation.startsWith("company-")
                && applications.ofCompany(organisation).stream().anyMatch(a -> !a.applicationStatus().isFinal())) {
            return Optional.of("company-contact"); // an application, contract or pilot still running
        }
        return Optional.empty();
    }

    /** A pool member of an open cycle; a cycle without a pool draws from the whole jury, so every juror is in it. */
    private boolean inPoolOfOpenCycle(String userId) {
        Set<UUID> open = cycles.all().stream().filter(c -> "OPEN".equals(c.status())).map(Cycles.CycleView::id)
                .collect(Collectors.toSet());
        return juryPool.cyclesOf(userId).stream().anyMatch(open::contains)
                || open.stream().anyMatch(cycle -> juryPool.of(cycle).isEmpty());
    }
}

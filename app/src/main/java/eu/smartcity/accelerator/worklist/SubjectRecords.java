package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.identity.Roles;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What every subject view needs: the challenge a task belongs to, organisation names, and the ownership check. */
@Component
class SubjectRecords {

    private final Challenges challenges;
    private final Organisations organisations;

    SubjectRecords(Challenges challenges, Organisations organisations) {
        this.challenges = challenges;
        this.organisations = organisations;
    }

    Optional<ChallengeView> challenge(Optional<UUID> id) {
        return id.flatMap(challenges::find);
    }

    String name(String groupId) {
        return groupId == null ? null : organisations.displayName(groupId);
    }

    /** Coordinators see every task's subject; anyone else only records of their own organisation. */
    static void requireOwner(CurrentUser user, String... owners) {
        if (user.has(Roles.COORDINATORS)) {
            return;
        }
        if (Arrays.stream(owners).noneMatch(o -> o != null && user.groups().contains(o))) {
            throw new SubjectView.NotYours();
        }
    }

    static void requireCoordinator(CurrentUser user) {
        if (!user.has(Roles.COORDINATORS)) {
            throw new SubjectView.NotYours();
        }
    }

    TaskSubject.Context context(ChallengeView challenge, String companyGroup) {
        // the public challenge page exists once the call was published
        String link = challenge.callClosesAt() != null ? "/challenges/" + challenge.id() : null;
        return new TaskSubject.Context(challenge.id(), challenge.title(), name(challenge.cityGroup()), name(companyGroup), link);
    }
}

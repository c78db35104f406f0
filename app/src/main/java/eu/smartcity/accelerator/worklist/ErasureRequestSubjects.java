package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.privacy.ErasureRequestFacts;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A person's erasure request (who, asked when, to be decided by when, their reason). Only coordinators decide it;
 * what would be deleted and what kept under a pseudonym is on the erasure requests page the task links to.
 */
@Component
class ErasureRequestSubjects implements SubjectView {

    static final String REQUESTS_PAGE = "/coordinator/erasure-requests";

    private final ErasureRequestFacts requests;

    ErasureRequestSubjects(ErasureRequestFacts requests) {
        this.requests = requests;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ErasureRequestProcess.USER_TASK_DECIDE);
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        if (!user.has(Roles.COORDINATORS)) {
            throw new NotYours();
        }
        return facts(ids).map(f -> new TaskSubject("erasure", context(f), Map.of("request", f)));
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        return facts(ids).map(this::context);
    }

    private Optional<ErasureRequestFacts.Facts> facts(TaskIds ids) {
        return ids.uuid(ErasureRequestProcess.REQUEST_ID).flatMap(requests::of);
    }

    private TaskSubject.Context context(ErasureRequestFacts.Facts facts) {
        return new TaskSubject.Context(null, facts.title(), null, null, REQUESTS_PAGE);
    }
}

package eu.smartcity.accelerator.marketplace.frameworks;

import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess;
import eu.smartcity.accelerator.notification.DeadlineSteps;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The contracting authority's approval of a join has the bylaws' joinApprovalWindow: reminded before it is due. */
@Component
class FrameworkJoinDeadlines implements DeadlineSteps {

    @Override
    public Collection<String> userTaskIds() {
        return List.of(FrameworkJoinProcess.USER_TASK_APPROVE_JOIN);
    }
}

package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.notification.DeadlineSteps;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The coordinators' decision on an erasure request is due in one month: one DEADLINE_REMINDER before it is due. */
@Component
class ErasureDeadlines implements DeadlineSteps {

    @Override
    public Collection<String> userTaskIds() {
        return List.of(ErasureRequestProcess.USER_TASK_DECIDE);
    }
}

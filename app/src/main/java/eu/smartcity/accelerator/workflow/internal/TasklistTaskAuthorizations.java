package eu.smartcity.accelerator.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task authorizations only where Tasklist uses them (issue 19; docs/settings.md). Camunda grants a task's assignee,
 * owner and candidate users a row in {@code ACT_RU_AUTHORIZATION} (a select for an existing grant, then an insert,
 * per assignment), which matters only to someone who opens the task through the engine's own doors. Those are the
 * coordinators (Tasklist) and integrations (read-only, a grant on every task): jurors, city officers and companies
 * work in the portal, which checks access itself, and have no Tasklist. A coordinator reaches a task through its
 * candidate group (the {@code coordinators} group's grant, still written), so a claim or an assignment adds nothing
 * a coordinator needs. Candidate-group grants, and everything else of Camunda's default provider, are unchanged.
 */
@Component
class TasklistTaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }
    }
}

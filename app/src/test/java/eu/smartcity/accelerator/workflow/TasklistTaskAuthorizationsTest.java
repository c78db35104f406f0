package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19: a task's assignee, owner and candidate users get no authorization row (the portal checks its own access;
 * only coordinators use Tasklist, through the candidate group's grant, which is still written). Real engine, H2.
 */
@AcceleratorTest
class TasklistTaskAuthorizationsTest {

    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;

    @Test
    void onlyTheCandidateGroupIsGrantedTheTask() {
        String id = "authz-" + UUID.randomUUID();
        Task task = tasks.newTask(id);
        tasks.saveTask(task);
        try {
            tasks.addCandidateGroup(id, Roles.COORDINATORS);
            tasks.setAssignee(id, "jury-an");
            tasks.setOwner(id, "coordinator");
            tasks.addCandidateUser(id, "city-officer");

            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).list())
                    .singleElement().satisfies(grant -> {
                        assertThat(grant.getGroupId()).isEqualTo(Roles.COORDINATORS);
                        assertThat(grant.getUserId()).isNull();
                        assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
                        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue();
                    });
        } finally {
            tasks.deleteTask(id, true);
        }
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).count()).isZero();
    }
}

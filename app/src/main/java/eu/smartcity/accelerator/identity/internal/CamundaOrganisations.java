package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Organisations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

@Component
class CamundaOrganisations implements Organisations {

    private final IdentityService identity;

    CamundaOrganisations(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public String nameOf(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group != null && group.getName() != null ? group.getName() : groupId;
    }
}

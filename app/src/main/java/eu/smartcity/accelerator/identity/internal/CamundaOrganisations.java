package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Organisations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

@Component("organisations")
class CamundaOrganisations implements Organisations {

    private final IdentityService identity;
    private final MessageSource messages;

    CamundaOrganisations(IdentityService identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public String nameOf(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group != null && group.getName() != null ? group.getName() : groupId;
    }

    @Override
    public String displayName(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return "";
        }
        String translated = messages.getMessage("organisation." + groupId, null, null, LocaleContextHolder.getLocale());
        return translated != null ? translated : nameOf(groupId);
    }
}

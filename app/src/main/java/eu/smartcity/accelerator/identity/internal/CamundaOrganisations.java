package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Organisations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

@Component("organisations")
class CamundaOrganisations implements Organisations {

    private final IdentityService identity;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;

    CamundaOrganisations(IdentityService identity, MessageSource messages, JdbcTemplate jdbc) {
        this.identity = identity;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Boolean> legalEntity(String groupId) {
        return jdbc.query("SELECT legal_entity FROM organisation_profile WHERE group_id = ?",
                (rs, row) -> rs.getBoolean(1), groupId).stream().findFirst();
    }

    @Override
    public String nameOf(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group != null && group.getName() != null ? group.getName() : groupId;
    }

    @Override
    public String displayName(String groupId) {
        return displayName(groupId, LocaleContextHolder.getLocale());
    }

    @Override
    public String displayName(String groupId, java.util.Locale locale) {
        if (groupId == null || groupId.isBlank()) {
            return "";
        }
        String translated = messages.getMessage("organisation." + groupId, null, null, locale);
        return translated != null ? translated : nameOf(groupId);
    }
}

package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Contacts;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Contacts from Camunda's identity store, the user's language from its user info (where {@link UserLanguageResolver} keeps it). */
@Component
class CamundaContacts implements Contacts {

    private final IdentityService identity;
    private final EngineAuthentication engine;

    CamundaContacts(IdentityService identity, EngineAuthentication engine) {
        this.identity = identity;
        this.engine = engine;
    }

    @Override
    public List<Contact> ofGroup(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return List.of();
        }
        return engine.withoutAuthorizationChecks(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()
                .stream().map(this::contact).toList());
    }

    @Override
    public List<Contact> ofUser(String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        return engine.withoutAuthorizationChecks(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? List.<Contact>of() : List.of(contact(user));
        });
    }

    private Contact contact(User user) {
        String language = identity.getUserInfo(user.getId(), UserLanguageResolver.USER_INFO_KEY);
        Locale supported = UserLanguageResolver.supported(language);
        Locale locale = supported != null ? supported : Locale.ENGLISH;
        return new Contact(user.getId(), user.getFirstName(), user.getEmail(), locale);
    }
}

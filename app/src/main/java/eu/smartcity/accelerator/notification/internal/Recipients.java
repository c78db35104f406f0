package eu.smartcity.accelerator.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Users, e-mail addresses and languages from Camunda's identity store (the single user store). Read with
 * authorization checks off: the user whose action triggered a mail (a company signing) may not read the
 * other party's users, yet the other party must be told.
 */
@Component
public class Recipients {

    /** Camunda user info key of the user's language (as identity's UserLanguageResolver saves it). */
    static final String LANGUAGE_INFO = "language";
    static final Set<String> LANGUAGES = Set.of("en", "nl", "fr");

    public record Recipient(String userId, String firstName, String email, Locale locale) {}

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    Recipients(IdentityService identity, ProcessEngineConfiguration engineConfiguration) {
        this.identity = identity;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    }

    public List<Recipient> ofGroup(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return List.of();
        }
        return unchecked(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(this::recipient).toList());
    }

    public List<Recipient> ofUser(String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        return unchecked(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? List.<Recipient>of() : List.of(recipient(user));
        });
    }

    private Recipient recipient(User user) {
        String language = identity.getUserInfo(user.getId(), LANGUAGE_INFO);
        Locale locale = language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
        return new Recipient(user.getId(), user.getFirstName(), user.getEmail(), locale);
    }

    /** Runs in the current engine command (or a new one) with authorization checks off, restoring them after. */
    private <T> T unchecked(Supplier<T> read) {
        return engineConfiguration.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            boolean wasEnabled = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return read.get();
            } finally {
                if (wasEnabled) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}

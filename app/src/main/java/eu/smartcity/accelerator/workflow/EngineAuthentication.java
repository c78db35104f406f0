package eu.smartcity.accelerator.workflow;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who the engine runs a step for, and reads that must not depend on it: the one place outside the engine that
 * touches its internals ({@code org.camunda.bpm.engine.impl}), so other modules use only this API.
 */
@Component
public class EngineAuthentication {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    EngineAuthentication(IdentityService identity, ProcessEngineConfiguration engineConfiguration) {
        this.identity = identity;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    }

    /** The user logged in to the engine (Tasklist, REST or portal) for the current step; empty for a job or timer. */
    public Optional<String> currentUserId() {
        Authentication current = identity.getCurrentAuthentication();
        return current == null ? Optional.empty() : Optional.ofNullable(current.getUserId());
    }

    /**
     * Runs a read in the current engine command (or a new one) with authorization checks off, restoring them after:
     * e.g. the user whose action triggers a mail (a company signing) may not read the other party's users, yet the
     * other party must be told.
     */
    public <T> T withoutAuthorizationChecks(Supplier<T> read) {
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

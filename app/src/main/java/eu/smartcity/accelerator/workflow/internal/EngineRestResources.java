package eu.smartcity.accelerator.workflow.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

/**
 * Camunda's REST resources for {@code /engine-rest} plus our error mapping, replacing the starter's own
 * {@link CamundaJerseyResourceConfig} bean (it is {@code @ConditionalOnMissingBean}). Camunda answers 400 for
 * the engine's {@code BadUserRequestException} but 500 for every other {@code ProcessEngineException};
 * the inputs that led there are refused before Jersey by {@link EngineDoors} (paging, claims, unknown jobs),
 * and what a race can still bring here is mapped below.
 */
class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(new AlreadyClaimed()); // instances: Jersey need not construct our package-private class
        register(new NotFound());
    }

    /** An id that names nothing (a comment on an unknown task, …): the engine says "cannot be null", we say 404. */
    public static class NotFound implements ExceptionMapper<NullValueException> {
        @Override
        public Response toResponse(NullValueException exception) {
            return problem(404, "Not Found", "No such object");
        }
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)).build();
    }

    /** Two coordinators claim the same task at once: the second learns it is taken (EngineDoors checks it first). */
    public static class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return problem(409, "Conflict", String.valueOf(exception.getMessage()));
        }
    }
}

package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.ScoredApplications;
import eu.smartcity.accelerator.attachments.AttachmentView;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.PdfDownload;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An application's PDF attachments, as downloads only. Who may have one: the applying company, the
 * city whose challenge it is, the coordinators, and a jury member who was given this application to
 * score (which only happens after declaring no conflict of interest). Anyone else gets 404.
 */
@Controller
class AttachmentDownloads {

    private final Attachments attachments;
    private final Applications applications;
    private final Challenges challenges;
    private final HistoryService history;
    private final ObjectProvider<ScoredApplications> scored;

    AttachmentDownloads(Attachments attachments, Applications applications, Challenges challenges, HistoryService history,
            ObjectProvider<ScoredApplications> scored) {
        this.scored = scored;
        this.attachments = attachments;
        this.applications = applications;
        this.challenges = challenges;
        this.history = history;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        AttachmentView attachment = attachments.find(id).filter(a -> mayRead(user, a.ownerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return PdfDownload.of(attachment.fileName(), CacheControl.noStore().cachePrivate(), attachments.content(id));
    }

    boolean mayRead(CurrentUser user, UUID applicationId) {
        Applications.ApplicationView application = applications.find(applicationId).orElse(null);
        if (application == null) {
            return false;
        }
        if (user.has(Roles.COORDINATORS) || user.company().filter(application.companyGroup()::equals).isPresent()) {
            return true;
        }
        Challenges.ChallengeView challenge = challenges.find(application.challengeId()).orElse(null);
        if (challenge == null) {
            return false;
        }
        if (user.city().filter(challenge.cityGroup()::equals).isPresent()) {
            return true;
        }
        return user.has(Roles.JURY) && scores(user.userId(), challenge.processInstanceId(), application.challengeId(), applicationId);
    }

    /**
     * The juror was given this application to score: one of his score tasks on the challenge (open, marked or ended
     * unmarked) is for it. The selection's records say so ({@link ScoredApplications}: the score task keeps no engine
     * history since they name the juror); an older score task is in the engine's task history, and which application it
     * is for is the selection's record or, opened before those records, its (historic) process variable.
     */
    private boolean scores(String juror, String challengeProcess, UUID challengeId, UUID applicationId) {
        ScoredApplications records = scored.getIfAvailable();
        if (records != null && records.givenToScore(juror, challengeId, applicationId)) {
            return true;
        }
        List<String> executions = history.createHistoricTaskInstanceQuery().taskAssignee(juror).processInstanceId(challengeProcess)
                .taskDefinitionKey(ChallengeProcess.USER_TASK_SCORE_APPLICATION).list().stream()
                .map(HistoricTaskInstance::getExecutionId).toList();
        if (executions.isEmpty()) {
            return false;
        }
        Map<String, UUID> recorded = records == null ? Map.of() : records.applicationsScoredIn(executions);
        if (recorded.containsValue(applicationId)) {
            return true;
        }
        return executions.stream().filter(e -> !recorded.containsKey(e))
                .anyMatch(e -> history.createHistoricVariableInstanceQuery().executionIdIn(e)
                        .variableName(ChallengeProcess.APPLICATION_ID.name()).list().stream()
                        .anyMatch(v -> applicationId.toString().equals(v.getValue())));
    }
}

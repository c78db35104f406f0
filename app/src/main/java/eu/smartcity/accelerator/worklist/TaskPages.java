package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.forms.DecisionRuleException;
import eu.smartcity.accelerator.forms.FormComponent;
import eu.smartcity.accelerator.forms.FormDefinition;
import eu.smartcity.accelerator.forms.FormDefinitions;
import eu.smartcity.accelerator.forms.FormSubmission;
import eu.smartcity.accelerator.forms.FormValidator;
import eu.smartcity.accelerator.identity.CurrentUser;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My tasks" and one task's form. The form is the task's Camunda Form ({@code camunda:formRef}),
 * the same file Tasklist renders; the submission is validated against it before the task completes,
 * and comes back with the user's input and a message per field when it is not valid.
 */
@Controller
class TaskPages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskPages.class);
    /** A collision is a moment's coincidence: three tries, then the form says it was refused, as before. */
    private static final int COMPLETION_ATTEMPTS = 3;

    private final MyTasks myTasks;
    private final FormDefinitions forms;
    private final Challenges challenges;
    private final HistoryService history;
    private final TaskSubjects subjects;

    TaskPages(MyTasks myTasks, FormDefinitions forms, Challenges challenges, HistoryService history, TaskSubjects subjects) {
        this.myTasks = myTasks;
        this.forms = forms;
        this.challenges = challenges;
        this.history = history;
        this.subjects = subjects;
    }

    @GetMapping("/tasks")
    String list(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        // each task with its challenge, city and company, soonest due first, tasks without a due date last
        List<Listed> listed = myTasks.of(user).stream().map(t -> new Listed(t, subjects.contextOf(t)))
                .sorted(Comparator.comparing((Listed l) -> l.task().getDueDate(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        model.addAttribute("tasks", listed);
        model.addAttribute("now", new java.util.Date());
        Map<String, String> progressTitles = new LinkedHashMap<>();
        var progress = myTasks.juryProgress(user);
        progress.forEach(p -> progressTitles.put(p.processInstanceId(), challengeTitleOfProcess(p.processInstanceId())));
        model.addAttribute("juryProgress", progress);
        model.addAttribute("progressTitles", progressTitles);
        return "worklist/tasks";
    }

    /** A task in the list, with the few words that say what it is about. */
    record Listed(Task task, TaskSubject.Context context) {
        /** Where a language has no name for the task, the BPMN's name without the appended context (shown beside it). */
        public String kindName() {
            return TaskNames.kindOf(task.getName());
        }

        public boolean overdue(java.util.Date now) {
            return task.getDueDate() != null && task.getDueDate().before(now);
        }
    }

    @GetMapping("/tasks/{taskId}")
    String show(@PathVariable String taskId, Authentication authentication, Model model) {
        Task task = task(authentication, taskId);
        FormDefinition form = form(task);
        // Pre-filled from the process where a variable has the field's key (e.g. revising a challenge).
        Map<String, Object> variables = myTasks.variables(task);
        Map<String, String> current = new LinkedHashMap<>();
        form.inputs().forEach(c -> {
            Object value = variables.get(c.key());
            // never a choice: an earlier round's decision must not stand preselected
            if (value != null && !c.isChoice()) {
                current.put(c.key(), value.toString());
            }
        });
        return page(task, form, current, Map.of(), model, CurrentUser.of(authentication));
    }

    /**
     * "Open in the portal" from a Camunda Form in Tasklist, which knows the process's ids but not the task's:
     * the user's own open task of that kind whose ids include this record, else 404. The task page then
     * shows the subject as always (checked against the user's organisation).
     */
    @GetMapping("/tasks/open/{taskKey}/{recordId}")
    String open(@PathVariable String taskKey, @PathVariable UUID recordId, Authentication authentication) {
        String id = recordId.toString();
        return myTasks.ofKind(CurrentUser.of(authentication), taskKey).stream()
                .filter(t -> myTasks.variables(t).values().stream().anyMatch(v -> v != null && id.equals(v.toString())))
                .findFirst().map(t -> "redirect:/tasks/" + t.getId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/tasks/{taskId}")
    String complete(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        Task task = task(authentication, taskId);
        FormDefinition form = form(task);
        FormSubmission submission = FormValidator.validate(form, params.toSingleValueMap());
        if (params.containsKey("back")) {
            // from the confirmation step back to the form, with everything as it was typed
            return page(task, form, submission.raw(), Map.of(), model, user);
        }
        if (!submission.valid()) {
            model.addAttribute("invalid", true);
            return page(task, form, submission.raw(), submission.problems(), model, user);
        }
        List<FormComponent> toConfirm = form.toConfirm(submission.values());
        if (!toConfirm.isEmpty() && !"true".equals(params.getFirst("confirmed"))) {
            // a negative or destructive outcome: a second page says what will happen and with which reason
            model.addAttribute("confirmations", toConfirm);
            model.addAttribute("confirmationReasons", toConfirm.stream().map(FormComponent::reasonField).distinct().toList());
            return page(task, form, submission.raw(), Map.of(), model, user);
        }
        try {
            completeRetryingACollision(user, task, submission.values());
        } catch (TaskAlreadyClaimedException | NullValueException gone) {
            // someone else (a colleague of the same organisation) took or finished it meanwhile
            redirect.addFlashAttribute("error", "tasks.takenByOther");
            return "redirect:/tasks";
        } catch (ProcessEngineException | IllegalArgumentException rejected) {
            // The process refused the values (a listener's rule the form cannot express, e.g. "a reason
            // when declining"): keep the input. Only our own rule messages are shown, never engine internals.
            Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(rejected);
            log.info("Task {} refused the submission: {}", task.getId(), cause.toString());
            if (cause instanceof DecisionRuleException decision) {
                model.addAttribute("invalid", true);
                Map<String, FormSubmission.Problem> problems = new LinkedHashMap<>(submission.problems());
                problems.put(decision.field(), new FormSubmission.Problem(decision.messageKey(), List.of()));
                return page(task, form, submission.raw(), problems, model, user);
            }
            if (cause instanceof IllegalArgumentException rule) {
                model.addAttribute("invalid", true);
                return page(task, form, submission.raw(), FormValidator.withRuleViolation(form, submission.problems(),
                        rule), model, user);
            }
            model.addAttribute("rejected", true);
            return page(task, form, submission.raw(), submission.problems(), model, user);
        }
        redirect.addFlashAttribute("done", task.getName());
        return "redirect:/tasks";
    }

    /**
     * The completion's transaction is rolled back whole when it collides with another one on the same executions
     * (a juror's two marks of one seat handed in at the same moment update the seat's multi-instance counters), so
     * trying it again is safe; jurors of different seats do not collide here (the seat's end is a job of its own).
     */
    private void completeRetryingACollision(CurrentUser user, Task task, Map<String, Object> values) {
        for (int attempt = 1; ; attempt++) {
            try {
                myTasks.complete(user, task, values);
                return;
            } catch (OptimisticLockingException collision) {
                if (attempt == COMPLETION_ATTEMPTS) {
                    throw collision;
                }
                log.info("Task {} collided with another completion, trying again ({})", task.getId(), collision.toString());
            }
        }
    }

    private String page(Task task, FormDefinition form, Map<String, String> raw,
            Map<String, FormSubmission.Problem> problems, Model model, CurrentUser user) {
        model.addAttribute("task", task);
        model.addAttribute("taskKindName", TaskNames.kindOf(task.getName()));
        model.addAttribute("form", form);
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        // what the decision is about, read from the app's records now; records of another organisation: 404
        try {
            subjects.of(task, user).ifPresent(subject -> model.addAttribute("subject", subject));
        } catch (SubjectView.NotYours notYours) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "worklist/task";
    }

    private Task task(Authentication authentication, String taskId) {
        return myTasks.find(CurrentUser.of(authentication), taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private FormDefinition form(Task task) {
        if (task.getCamundaFormRef() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This task has no form; use Tasklist");
        }
        return forms.get(task.getCamundaFormRef().getKey());
    }

    private String challengeTitleOfProcess(String processInstanceId) {
        HistoricVariableInstance challengeId = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(ChallengeProcess.CHALLENGE_ID.name()).disableCustomObjectDeserialization()
                .list().stream().findFirst().orElse(null);
        try {
            return challengeId == null ? "" : Optional.ofNullable(ChallengeProcess.CHALLENGE_ID.read(challengeId.getValue()))
                    .flatMap(challenges::find).map(Challenges.ChallengeView::title).orElse("");
        } catch (IllegalArgumentException notAnId) {
            return "";
        }
    }
}

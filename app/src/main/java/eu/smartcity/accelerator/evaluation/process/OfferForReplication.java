package eu.smartcity.accelerator.evaluation.process;

import static eu.smartcity.accelerator.evaluation.EvaluationProcess.EVALUATION_ID;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.VERDICT_REASON;

import eu.smartcity.accelerator.evaluation.PilotOfferedForReplication;
import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * SendTask_OfferForReplication (verdict "replicate"): the evaluated pilot is offered to other cities
 * ({@link PilotOfferedForReplication}; the marketplace shows the offer and mails the other cities' officers).
 */
@Component("offerForReplication")
class OfferForReplication implements JavaDelegate {

    private final Evaluations evaluations;
    private final ApplicationEventPublisher events;

    OfferForReplication(Evaluations evaluations, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Evaluation evaluation = evaluations.findById(EVALUATION_ID.from(execution))
                .orElseThrow(() -> new NoSuchElementException("No evaluation " + EVALUATION_ID.from(execution)));
        events.publishEvent(new PilotOfferedForReplication(evaluation.id(), evaluation.pilotId(), evaluation.challengeId(),
                evaluation.cityGroup(), evaluation.kpiName(), evaluation.kpiTarget(), evaluation.kpiResult(),
                VERDICT_REASON.optionalFrom(execution).orElse(null), Instant.now()));
    }
}

package eu.smartcity.accelerator.evaluation.process;

import static eu.smartcity.accelerator.evaluation.EvaluationProcess.EVALUATION_ID;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.VERDICT_REASON;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.evaluation.PilotOfferedForReplication;
import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * SendTask_OfferForReplication (verdict "replicate"): the evaluated pilot is offered to other cities
 * ({@link PilotOfferedForReplication}; the marketplace shows the offer and mails the other cities' officers). Without a
 * supplier on record there is nothing to offer: the business error {@code NoSupplierOnRecord} ends it as not offered.
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
        if (EvaluationProcess.COMPANY_GROUP.optionalFrom(execution).isEmpty()) {
            // the marketplace files an evaluation under its supplier's solution: without one there is nothing to offer
            throw new BpmnError(EvaluationProcess.ERROR_NO_SUPPLIER_ON_RECORD, "Evaluation " + EVALUATION_ID.from(execution)
                    + " names no supplier: nothing on the marketplace to offer for replication");
        }
        Evaluation evaluation = evaluations.findById(EVALUATION_ID.from(execution))
                .orElseThrow(() -> new NoSuchElementException("No evaluation " + EVALUATION_ID.from(execution)));
        events.publishEvent(new PilotOfferedForReplication(evaluation.id(), evaluation.pilotId(), evaluation.challengeId(),
                evaluation.cityGroup(), evaluation.kpiName(), evaluation.kpiTarget(), evaluation.kpiResult(),
                VERDICT_REASON.optionalFrom(execution).orElse(null), Instant.now()));
    }
}

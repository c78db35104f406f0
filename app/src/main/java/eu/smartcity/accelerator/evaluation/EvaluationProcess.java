package eu.smartcity.accelerator.evaluation;


import eu.smartcity.accelerator.workflow.Variable;
import java.util.UUID;

/**
 * The {@code evaluation} process: key, element ids and typed variables. The city records the KPI result and the
 * citizens' survey beside the measured behaviour, decides a verdict, and the verdict leads somewhere: "replicate"
 * offers the pilot to other cities, "scale up" opens a follow-up task for the city, "stop" ends it.
 *
 * <p>The variables the challenge (or a replication) hands in — {@code pilotId}, {@code challengeId}, {@code cityGroup},
 * {@code companyGroup}, {@code milestoneCadence} — are declared here too: evaluation may depend on neither the
 * challenge nor the pilot, which declare the same names.
 */
public final class EvaluationProcess {

    public static final String KEY = "evaluation";

    public static final String START = "StartEvent_EvaluationRequested";
    public static final String USER_TASK_KPI_RESULTS = "UserTask_RecordKpiResults";
    public static final String USER_TASK_SURVEY_AND_BEHAVIOUR = "UserTask_RecordSurveyAndBehaviour";
    public static final String SERVICE_TASK_COMPARE_EVIDENCE = "ServiceTask_CompareEvidence";
    public static final String USER_TASK_DECIDE_VERDICT = "UserTask_DecideVerdict";
    public static final String SERVICE_TASK_PUBLISH = "ServiceTask_PublishEvaluation";
    public static final String GATEWAY_VERDICT = "Gateway_Verdict";
    public static final String SEND_TASK_OFFER_FOR_REPLICATION = "SendTask_OfferForReplication";
    public static final String USER_TASK_PLAN_SCALE_UP = "UserTask_PlanScaleUp";
    public static final String END_SCALE_UP = "EndEvent_ScaleUp";
    public static final String END_REPLICATE = "EndEvent_Replicate";
    public static final String END_STOP = "EndEvent_Stop";
    /** Business error of {@link #SEND_TASK_OFFER_FOR_REPLICATION}: no supplier on record, nothing to offer. */
    public static final String ERROR_NO_SUPPLIER_ON_RECORD = "NoSupplierOnRecord";
    public static final String BOUNDARY_NO_SUPPLIER_ON_RECORD = "BoundaryEvent_NoSupplierOnRecord";
    public static final String END_NOT_OFFERED = "EndEvent_NotOffered";

    /** The city's verdict (form {@code evaluation-verdict}); stored as {@code scale-up}, {@code replicate}, {@code stop}. */
    public enum Verdict { SCALE_UP, REPLICATE, STOP }

    public static final Variable<UUID> EVALUATION_ID = Variable.uuid("evaluationId");
    /** Form {@code kpi-results}: the challenge's KPI, its target and the result measured at the end of the pilot. */
    public static final Variable<String> KPI_NAME = Variable.string("kpiName");
    public static final Variable<Double> KPI_TARGET = Variable.decimal("kpiTarget");
    public static final Variable<Double> KPI_RESULT = Variable.decimal("kpiResult");
    /** Form {@code survey-behaviour}: what citizens said (0–100) and what was measured (0–100). */
    public static final Variable<Double> SURVEY_SCORE = Variable.decimal("surveyScore");
    public static final Variable<Double> MEASURED_SCORE = Variable.decimal("measuredScore");
    /** Survey minus measurement, written by {@link #SERVICE_TASK_COMPARE_EVIDENCE}. */
    public static final Variable<Double> EVIDENCE_GAP = Variable.decimal("evidenceGap");
    public static final Variable<Verdict> VERDICT = Variable.choice("verdict", Verdict.class);
    public static final Variable<String> VERDICT_REASON = Variable.string("verdictReason");
    /** Form {@code plan-scale-up}: how the city scales the solution up (kept with the process's history). */
    public static final Variable<String> SCALE_UP_PLAN = Variable.string("scaleUpPlan");

    // --- passed in by the challenge: declared here, upstream of it in the module graph (evaluation may not depend on
    // challenge or pilot), and aliased by the challenge's, contract's and pilot's contracts
    public static final Variable<UUID> PILOT_ID = Variable.uuid("pilotId");
    public static final Variable<UUID> CHALLENGE_ID = Variable.uuid("challengeId");
    public static final Variable<String> CITY_GROUP = Variable.string("cityGroup");
    public static final Variable<String> COMPANY_GROUP = Variable.string("companyGroup");
    /** The scale-up plan is due one milestone cadence after the verdict. */
    public static final Variable<String> MILESTONE_CADENCE = Variable.string("milestoneCadence");

    private EvaluationProcess() {}
}

package eu.smartcity.accelerator.evaluation;

/** The {@code evaluation} process: key, element ids and variables. */
public final class EvaluationProcess {

    public static final String KEY = "evaluation";

    public static final String USER_TASK_KPI_RESULTS = "UserTask_RecordKpiResults";
    public static final String USER_TASK_SURVEY_AND_BEHAVIOUR = "UserTask_RecordSurveyAndBehaviour";
    public static final String USER_TASK_DECIDE_VERDICT = "UserTask_DecideVerdict";
    public static final String SERVICE_TASK_PUBLISH = "ServiceTask_PublishEvaluation";
    public static final String END_SCALE_UP = "EndEvent_ScaleUp";
    public static final String END_REPLICATE = "EndEvent_Replicate";
    public static final String END_STOP = "EndEvent_Stop";

    public static final String EVALUATION_ID = "evaluationId";
    public static final String SURVEY_SCORE = "surveyScore";
    public static final String MEASURED_SCORE = "measuredScore";
    public static final String EVIDENCE_GAP = "evidenceGap";
    public static final String VERDICT = "verdict";

    private EvaluationProcess() {}
}

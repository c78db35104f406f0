package eu.smartcity.accelerator.scoring;

/** Keys of the decision tables this module evaluates, and the subject types of their records. */
public final class Decisions {

    public static final String ELIGIBILITY = "eligibility";
    public static final String APPLICANT_SCORING = "applicant-scoring";
    public static final String SOLUTION_MATCHING = "solution-matching";

    /** Records of eligibility and scoring are filed under the application id. */
    public static final String SUBJECT_APPLICATION = "application";
    /** Checks made before an application exists (refused at submission, a draft) are filed under "challenge/company". */
    public static final String SUBJECT_SUBMISSION = "submission";
    /** Records of solution matching are filed under the need's id (a challenge id or a marketplace search id). */
    public static final String SUBJECT_NEED = "city-need";

    private Decisions() {}
}

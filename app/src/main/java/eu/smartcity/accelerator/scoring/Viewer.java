package eu.smartcity.accelerator.scoring;

/** Who asks to see the decision records of an application. */
public enum Viewer {
    /** The company that applied: sees its records only once the results are final, jury members pseudonymised. */
    APPLICANT,
    /** A jury member of the challenge: sees the full record at any time. */
    JURY_MEMBER,
    /** The programme office: sees the full record at any time. */
    COORDINATOR
}

package eu.smartcity.accelerator.scoring;

import java.util.Objects;

/** Who asks to see the decision records of an application. */
public record Viewer(Kind kind, String userId) {

    public enum Kind {
        /** The company that applied: its records once the results are final, jury members pseudonymised. */
        APPLICANT,
        /** A jury member: the eligibility records and their own marks, never another juror's. */
        JURY_MEMBER,
        /** The programme office: eligibility at any time; the jurors' marks once the ranking is computed. */
        COORDINATOR
    }

    public Viewer {
        Objects.requireNonNull(kind);
        if (kind == Kind.JURY_MEMBER && (userId == null || userId.isBlank())) {
            throw new IllegalArgumentException("a jury member viewer needs the member's user id");
        }
    }

    public static Viewer applicant() {
        return new Viewer(Kind.APPLICANT, null);
    }

    public static Viewer juryMember(String userId) {
        return new Viewer(Kind.JURY_MEMBER, userId);
    }

    public static Viewer coordinator() {
        return new Viewer(Kind.COORDINATOR, null);
    }
}

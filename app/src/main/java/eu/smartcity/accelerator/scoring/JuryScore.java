package eu.smartcity.accelerator.scoring;

/** One jury member's weighted score (0–10) for one application, with the scores it came from. */
public record JuryScore(String applicationId, String juryMember, CriterionScores scores, double weightedScore,
        int decisionVersion) {}

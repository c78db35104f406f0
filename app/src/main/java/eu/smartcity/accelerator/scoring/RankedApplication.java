package eu.smartcity.accelerator.scoring;

import java.time.Instant;
import java.util.List;

/**
 * One line of a ranking: position (1 = best), the average weighted score over the jury (rounded to
 * 3 decimals, as compared), the averages used by the tie-break, and which tie-break step decided
 * the order against the line above ({@code null} when the score alone did).
 */
public record RankedApplication(int position, String applicationId, double averageScore, double averageFit,
        double averageInnovation, Instant submittedAt, List<JuryScore> juryScores, TieBreak decidedBy) {

    public enum TieBreak { FIT, INNOVATION, EARLIER_SUBMISSION, APPLICATION_ID }
}

package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a visitor asks of the list of calls: words in the title or problem, a city, a stage, a page. Stages
 * group the challenge's status into what a reader cares about; a status this class does not know (finer stages
 * may be added) counts as "selection" until it names a contract, a pilot or an end.
 */
public record CallFilter(String q, String city, String stage, int page) {

    static final int PAGE_SIZE = 20;
    /** open: applications accepted; past: every call whose deadline is over (the archive); all: both. */
    static final List<String> STAGES = List.of("open", "past", "selection", "running", "ended", "all");
    private static final Set<String> PAST = Set.of("selection", "running", "ended");

    /** Unknown or missing values become the defaults: no words, every city, open calls, first page. */
    static CallFilter of(String q, String city, String stage, Integer page) {
        String words = q == null || q.isBlank() ? "" : q.trim().substring(0, Math.min(200, q.trim().length()));
        String cityGroup = city == null || city.isBlank() ? "" : city.trim();
        return new CallFilter(words, cityGroup, stage != null && STAGES.contains(stage) ? stage : "open", page == null ? 0 : Math.max(0, page));
    }

    static String stageOf(ChallengeView c, Instant now) {
        if (c.acceptsApplications(now)) {
            return "open";
        }
        String status = c.status() == null ? "" : c.status().toUpperCase(Locale.ROOT);
        if (status.equals("ENDED") || status.contains("EVALUATED") || status.contains("CANCEL") || status.contains("FINISHED")
                || status.contains("COMPLETED") || status.contains("WITHOUT")) {
            return "ended";
        }
        if (status.contains("CONTRACT") || status.contains("PILOT") || status.contains("RUNNING") || status.contains("EVALUATING")) {
            return "running";
        }
        return "selection"; // CLOSED, a published call past its deadline, and any stage of the jury's work
    }

    boolean matches(ChallengeView c, Instant now) {
        String s = stageOf(c, now);
        boolean stageMatches = switch (stage) {
            case "all" -> true;
            case "past" -> PAST.contains(s);
            default -> stage.equals(s);
        };
        return stageMatches && (city.isEmpty() || city.equals(c.cityGroup())) && (q.isEmpty() || contains(c.title()) || contains(c.problem()));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    /** Open calls first, soonest deadline first; then past calls, newest first (the archive's order). */
    static Comparator<ChallengeView> order(Instant now) {
        return Comparator.<ChallengeView, Boolean>comparing(c -> !c.acceptsApplications(now))
                .thenComparing((a, b) -> a.acceptsApplications(now) ? a.callClosesAt().compareTo(b.callClosesAt())
                        : b.callClosesAt().compareTo(a.callClosesAt()));
    }

    public boolean filtered() {
        return !q.isEmpty() || !city.isEmpty();
    }
}

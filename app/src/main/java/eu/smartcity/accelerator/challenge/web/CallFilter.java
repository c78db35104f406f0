package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a visitor asks of the list of calls: words in the title or problem, a city, a stage, a page. Stages
 * group the challenge's {@link ChallengeStage} into what a reader cares about.
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

    /** The reader's group of the challenge's stage ({@link ChallengeStage}, the one source of truth). */
    static String stageOf(ChallengeView c, Instant now) {
        if (c.acceptsApplications(now)) {
            return "open";
        }
        ChallengeStage stage = c.stage();
        if (stage.ended()) {
            return "ended";
        }
        return switch (stage) {
            case CONTRACTING, PILOT_RUNNING, EVALUATION -> "running";
            default -> "selection"; // a published call past its deadline (timer not yet run) and the jury's work
        };
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

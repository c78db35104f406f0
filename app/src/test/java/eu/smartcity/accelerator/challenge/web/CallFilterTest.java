package eu.smartcity.accelerator.challenge.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a challenge's status reads as a stage of the list of calls, and what the filter's defaults are. */
class CallFilterTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** The one place that builds a view (if ChallengeView gains a field, only this line changes). */
    static ChallengeView call(String title, String status, Instant closes) {
        return new ChallengeView(UUID.randomUUID(), UUID.randomUUID(), "city-delft", title, "Noise at night", null,
                new BigDecimal("9000"), null, "nl", 5, status, null, closes, null);
    }

    @Test
    void statusesGroupIntoTheStagesAReaderCaresAbout() {
        Instant later = NOW.plus(Duration.ofDays(3));
        Instant earlier = NOW.minus(Duration.ofDays(3));
        assertThat(CallFilter.stageOf(call("a", "PUBLISHED", later), NOW)).isEqualTo("open");
        assertThat(CallFilter.stageOf(call("b", "PUBLISHED", earlier), NOW)).as("deadline over, timer not yet run").isEqualTo("selection");
        assertThat(CallFilter.stageOf(call("c", "SELECTION", later), NOW)).isEqualTo("selection");
        assertThat(CallFilter.stageOf(call("e", "CONTRACTING", earlier), NOW)).isEqualTo("running");
        assertThat(CallFilter.stageOf(call("f", "PILOT_RUNNING", earlier), NOW)).isEqualTo("running");
        assertThat(CallFilter.stageOf(call("f2", "EVALUATION", earlier), NOW)).isEqualTo("running");
        // every way a challenge ends is "ended", a contract not signed included
        for (ChallengeStage ending : ChallengeStage.values()) {
            if (ending.ended()) {
                assertThat(CallFilter.stageOf(call("g", ending.name(), earlier), NOW)).as(ending.name()).isEqualTo("ended");
            }
        }
    }

    @Test
    void theArchiveHoldsEveryPastStageAndTheWordsMatchTitleOrProblemInAnyCase() {
        CallFilter archive = CallFilter.of("NOISE", null, "past", null);
        assertThat(archive.matches(call("Quiet streets", "SELECTION", NOW.minusSeconds(60)), NOW)).isTrue(); // in the problem
        assertThat(archive.matches(call("Quiet streets", "EVALUATED", NOW.minusSeconds(60)), NOW)).isTrue();
        assertThat(archive.matches(call("Quiet streets", "PUBLISHED", NOW.plusSeconds(60)), NOW)).isFalse();
        assertThat(CallFilter.of("bins", null, "past", null).matches(call("Quiet streets", "SELECTION", NOW), NOW)).isFalse();
        assertThat(CallFilter.of(null, "city-mechelen", "all", null).matches(call("Quiet streets", "SELECTION", NOW), NOW)).isFalse();
    }

    @Test
    void openCallsComeFirstSoonestDeadlineFirstThenPastCallsNewestFirst() {
        ChallengeView openLater = call("open later", "PUBLISHED", NOW.plus(Duration.ofDays(9)));
        ChallengeView openSoon = call("open soon", "PUBLISHED", NOW.plus(Duration.ofDays(1)));
        ChallengeView closedLongAgo = call("closed long ago", "EVALUATED", NOW.minus(Duration.ofDays(300)));
        ChallengeView closedRecently = call("closed recently", "SELECTION", NOW.minus(Duration.ofDays(2)));
        assertThat(List.of(closedLongAgo, openLater, closedRecently, openSoon).stream().sorted(CallFilter.order(NOW))
                .map(ChallengeView::title)).containsExactly("open soon", "open later", "closed recently", "closed long ago");
    }

    @Test
    void unknownOrMissingValuesFallBackToOpenCallsOnTheFirstPage() {
        CallFilter filter = CallFilter.of("  ", " ", "<script>", -4);
        assertThat(filter).isEqualTo(new CallFilter("", "", "open", 0));
        assertThat(filter.filtered()).isFalse();
        assertThat(CallFilter.of("x".repeat(500), null, null, null).q()).hasSize(200);
    }
}

package eu.smartcity.accelerator.challenge.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The list of calls: search, city, stage, the archive of past calls, empty states and amounts per language. */
@AcceleratorTest
class OpenCallsPageTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Organisations organisations;
    @Autowired ProcessEngine engine;

    /** A word only this run's calls contain (the H2 test database is kept between runs). */
    String word;
    String brugesOpen;
    String mechelenOpen;
    String brugesClosedFirst;
    String brugesClosedLater;

    @BeforeEach
    void callsOfTwoCitiesSomeClosed() {
        word = "w" + UUID.randomUUID().toString().replace("-", "");
        UUID cycle = cycles.open("Filter cycle " + word, "scifi-2024").id();
        brugesOpen = "Bruges benches " + word;
        mechelenOpen = "Mechelen bikes";
        brugesClosedFirst = "Bruges bins " + word;
        brugesClosedLater = "Bruges boats " + word;
        publish(cycle, "city-bruges", brugesOpen, "Benches that count visitors.", "25000");
        publish(cycle, "city-mechelen", mechelenOpen + " " + UUID.randomUUID(), "Bikes everywhere; " + word + " in the problem only.", "18000");
        close(publish(cycle, "city-bruges", brugesClosedFirst, "Bins that are full.", "9000"));
        close(publish(cycle, "city-bruges", brugesClosedLater, "Boats that are late.", "9000"));
    }

    UUID publish(UUID cycle, String city, String title, String problem, String budget) {
        UUID id = challenges.launch(cycle, city, new Challenges.Definition(title, problem, "Counts", new BigDecimal(budget),
                "Fewer complaints", "nl", 5));
        new ProcessDriver(engine).complete(pi(id), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        return id;
    }

    void close(UUID id) {
        new ProcessDriver(engine).fireTimer(pi(id), ChallengeProcess.TIMER_CALL_WINDOW_OVER);
    }

    String pi(UUID id) {
        return challenges.find(id).orElseThrow().processInstanceId();
    }

    String page(String query) {
        return new PortalClient(port).get("/challenges?" + query).body();
    }

    @Test
    void theDefaultViewShowsOpenCallsWhoseTitleOrProblemHasTheWords() {
        String body = page("q=" + word);
        assertThat(body).contains(brugesOpen).contains(mechelenOpen).doesNotContain(brugesClosedFirst).doesNotContain(brugesClosedLater)
                .contains("2 calls found");
        // the city by its name, never its group id
        assertThat(body).contains(organisations.nameOf("city-bruges")).doesNotContain(">city-bruges<");
    }

    @Test
    void aCityAndAStageNarrowTheList() {
        assertThat(page("q=" + word + "&city=city-bruges")).contains(brugesOpen).doesNotContain(mechelenOpen).contains("1 call found");
        assertThat(page("q=" + word + "&city=city-mechelen&stage=past")).doesNotContain(brugesClosedFirst).contains("No call found")
                .contains("No call matches these words or this city");
        assertThat(page("q=" + word + "&stage=ended")).contains(brugesClosedFirst).contains(brugesClosedLater)
                .doesNotContain(brugesOpen);
    }

    @Test
    void theArchiveListsPastCallsNewestFirstAndAllStagesPutOpenCallsFirst() {
        String archive = page("q=" + word + "&stage=past");
        assertThat(archive).contains("Archive of past calls").doesNotContain(brugesOpen);
        assertThat(archive.indexOf(brugesClosedLater)).isPositive().isLessThan(archive.indexOf(brugesClosedFirst));

        String all = page("q=" + word + "&stage=all");
        assertThat(all).contains("4 calls found");
        assertThat(all.indexOf(brugesOpen)).isPositive().isLessThan(all.indexOf(brugesClosedLater));
        assertThat(all.indexOf(mechelenOpen)).isPositive().isLessThan(all.indexOf(brugesClosedLater));
    }

    @Test
    void anEmptyListSaysWhatWouldAppearAndUnknownValuesFallBackToTheDefaults() {
        assertThat(page("q=nothing-" + word)).contains("data-empty").contains("No call matches");
        assertThat(page("q=" + word + "&stage=%3Cscript%3E&page=-3")).contains(brugesOpen).doesNotContain("<script>");
        // the Dutch page says it in Dutch
        assertThat(new PortalClient(port).get("/challenges?q=nothing-" + word, "Accept-Language", "nl").body())
                .contains("Geen oproep komt overeen");
    }

    @Test
    void amountsAndCountsFollowTheLanguage() {
        PortalClient visitor = new PortalClient(port);
        assertThat(visitor.get("/challenges?q=" + word + "&city=city-bruges", "Accept-Language", "nl").body())
                .containsPattern("€\\h25\\.000").contains("1 oproep gevonden");
        assertThat(visitor.get("/challenges?q=" + word + "&city=city-bruges", "Accept-Language", "fr").body())
                .containsPattern("25\\h000,00\\h€").contains("1 appel trouvé");
        assertThat(visitor.get("/challenges?q=" + word + "&city=city-bruges", "Accept-Language", "en").body())
                .contains("€25,000.00");
    }
}

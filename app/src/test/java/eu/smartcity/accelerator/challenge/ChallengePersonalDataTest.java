package eu.smartcity.accelerator.challenge;

import static eu.smartcity.accelerator.support.PersonalDataFixture.firstName;
import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The challenge module's part of a person: the call window changes they made and remarks naming them are exported,
 * kept without them on erasure (the challenge's file), and who made a change is forgotten after ten years.
 */
@AcceleratorTest
class ChallengePersonalDataTest {

    @Autowired List<PersonalDataHolder> holders;
    @Autowired Challenges challenges;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    PersonalDataHolder holder;
    DataSubject coordinator;
    UUID challengeId;

    @BeforeEach
    void aChallengeTheCoordinatorWorkedOn() {
        holder = holders.stream().filter(h -> h.section().equals("challenges")).findFirst().orElseThrow();
        coordinator = PersonalDataFixture.person();
        challengeId = ContractCase.of(context, "city-pd", "company-pd").challengeId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        windowChange("EXTENDED", "Extended: the city asked for two more weeks", coordinator.userId(), now.minus(2, ChronoUnit.DAYS));
        windowChange("CLOSED_EARLY", "Closed early after " + coordinator.email() + " found the budget gone", "other-coordinator", now);
        jdbc.update("insert into challenge_remark (id, challenge_id, remarks, sent_back_at) values (?, ?, ?, ?)", UUID.randomUUID(),
                challengeId, "Please agree the KPIs with " + firstName(coordinator) + " " + lastName(coordinator) + " first.", Timestamp.from(now));
        jdbc.update("update challenge set remarks = ? where id = ?", "Ask " + lastName(coordinator) + " about the data", challengeId);
    }

    private void windowChange(String kind, String reason, String by, Instant at) {
        jdbc.update("insert into call_window_change (id, challenge_id, kind, closes_before, closes_after, reason, changed_by, changed_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), challengeId, kind, Timestamp.from(at),
                Timestamp.from(at.plus(14, ChronoUnit.DAYS)), reason, by, Timestamp.from(at));
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsWhatTheyDidAndWhatNamesThem() {
        Map<String, Object> export = holder.export(coordinator);

        List<Map<String, Object>> changes = (List<Map<String, Object>>) export.get("callWindowChanges");
        assertThat(changes).extracting(c -> c.get("reason")).containsExactly("Extended: the city asked for two more weeks",
                "Closed early after " + coordinator.email() + " found the budget gone");
        assertThat(changes.get(0)).containsEntry("changed_by", coordinator.userId()).containsEntry("kind", "EXTENDED");
        assertThat(changes.get(1)).as("another coordinator's id is not theirs to see").doesNotContainKey("changed_by");
        assertThat((List<Map<String, Object>>) export.get("remarksNamingYou")).singleElement()
                .satisfies(r -> assertThat(r.values()).as("the remark's text").anySatisfy(v -> assertThat(String.valueOf(v)).contains(lastName(coordinator))));
        assertThat((List<?>) export.get("challengesWhoseLatestRemarksNameYou")).hasSize(1);
        assertThat(holder.export(PersonalDataFixture.person())).as("someone else").isEmpty();
    }

    @Test
    void erasureKeepsTheChallengesFileWithoutThePerson() {
        Map<String, Integer> touched = holder.erase(coordinator);

        assertThat(touched).containsEntry("call_window_change", 2).containsEntry("challenge_remark", 1).containsEntry("challenge", 1);
        assertThat(PersonalDataScan.find(jdbc, coordinator, "call_window_change", "challenge_remark", "challenge")).as("traces of the erased person").isEmpty();
        assertThat(challenges.callWindowChanges(challengeId)).extracting(Challenges.CallWindowChange::changedBy)
                .containsExactly(coordinator.pseudonym(), "other-coordinator");
        assertThat(challenges.callWindowChanges(challengeId).get(1).reason()).isEqualTo("Closed early after " + coordinator.pseudonym() + " found the budget gone");
        assertThat(challenges.remarksOf(challengeId)).singleElement().extracting(Challenges.Remark::remarks)
                .isEqualTo("Please agree the KPIs with " + coordinator.pseudonym() + " first.");
        assertThat(holder.erase(coordinator).values()).as("idempotent").containsOnly(0);
        assertThat(holder.export(coordinator)).isEmpty();
    }

    @Test
    void afterTenYearsWhoMovedTheClosingDateIsForgotten() {
        windowChange("EXTENDED", "Extended long ago", coordinator.userId(), Instant.now().minus(3660, ChronoUnit.DAYS));

        Map<String, Integer> touched = holder.expire(PersonalDataFixture.periods(), Instant.now());

        assertThat(touched.get("call_window_change")).isPositive();
        assertThat(challenges.callWindowChanges(challengeId)).extracting(Challenges.CallWindowChange::changedBy)
                .containsExactly("expired", coordinator.userId(), "other-coordinator");
    }
}

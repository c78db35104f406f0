package eu.smartcity.accelerator.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.privacy.PersonalDataErasure;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AcceleratorTest
class ErasureOrchestrationTest {

    @Autowired PersonalDataErasure erasure;
    @Autowired ErasureOrchestration orchestration;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    /** The test users are company contacts or jurors: left behind they would join other tests' juries and mail lists. */
    @org.junit.jupiter.api.AfterEach
    void forgetTestUsers() {
        identity.createUserQuery().list().stream().map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> id.startsWith("privacy-")).forEach(identity::deleteUser);
    }

    @Test
    void holdersRunByFeatureSectionThenEngineThenIdentityWhateverTheInjectionOrder() {
        List<PersonalDataHolder> injected = new ArrayList<>(List.of(holder("identity"), holder("process-engine"),
                holder("jury"), holder("applications")));
        List<String> order = ErasureOrchestration.inErasureOrder(injected).stream().map(PersonalDataHolder::section).toList();
        assertThat(order).containsExactly("applications", "jury", "process-engine", "identity");
    }

    @Test
    void theSubjectCarriesNamesEmailOrganisationAndAFreshPseudonym() {
        String userId = newUser("Wilhelmina", "Oosterhuis-" + suffix());
        identity.createMembership(userId, "company-urbansense");
        DataSubject subject = orchestration.subject(userId).orElseThrow();
        assertThat(subject.email()).isEqualTo(userId + "@example.org");
        assertThat(subject.names()).hasSize(2).first().isEqualTo("Wilhelmina");
        assertThat(subject.organisationIds()).containsExactly("company-urbansense");
        assertThat(subject.pseudonym()).matches("erased-[0-9a-f]{8}");
        assertThat(orchestration.subject(userId).orElseThrow().pseudonym()).isNotEqualTo(subject.pseudonym());
    }

    @Test
    void theRecordKeepsGroundsDeciderAndCountsButNeitherUserIdNorPseudonym() {
        String userId = newUser("Gerolf", "Vandermeersch-" + suffix());
        Map<String, Map<String, Integer>> counts = erasure.erase(userId, "request");
        assertThat(counts.keySet()).containsExactlyElementsOf(orchestration.holders().stream().map(PersonalDataHolder::section).toList());

        Map<String, Object> record = jdbc.queryForMap("SELECT * FROM erasure_record ORDER BY erased_at DESC LIMIT 1");
        assertThat(record.get("grounds")).isEqualTo("request");
        assertThat(record.get("decided_by")).isEqualTo("system");
        assertThat(record.values().toString()).doesNotContain(userId).doesNotContain("erased-");
    }

    private String newUser(String first, String last) {
        String id = "privacy-" + suffix();
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@example.org");
        identity.saveUser(user);
        return id;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static PersonalDataHolder holder(String section) {
        return new PersonalDataHolder() {
            @Override public String section() { return section; }
            @Override public Map<String, Object> export(DataSubject subject) { return Map.of(); }
            @Override public Map<String, Integer> erase(DataSubject subject) { return Map.of(); }
        };
    }
}

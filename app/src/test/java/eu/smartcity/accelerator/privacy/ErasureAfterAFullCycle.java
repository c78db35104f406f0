package eu.smartcity.accelerator.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.opendata.OcdsValidator;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import eu.smartcity.accelerator.support.PersonalDataScan;
import eu.smartcity.accelerator.support.PersonalDataScan.Finding;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24, point 3, end to end: after the demo cycle ran through the real processes (challenges at every stage, a
 * completed selection, contracts, a pilot, an evaluation) and a company contact reported on their company's pilot,
 * that contact and a juror are erased; then every table
 * — ours, Camunda's runtime and history, Flowable's — is scanned for their user id, e-mail and names (binary columns
 * read as UTF-8) and holds none of them, while the cycle report still renders and every OCDS package still validates.
 * Run on H2 ({@link ErasureEndToEndTest}) and PostgreSQL ({@link ErasureEndToEndPostgresIT}), each on a database of its own:
 * the demo users are erased for good.
 */
abstract class ErasureAfterAFullCycle {

    /** A juror of the demo cycle: seats, conflict declarations, scores. */
    static final String JUROR = "jury-an";
    /**
     * The demo companies' own contacts have their company's name as user id ({@code urbansense} of UrbanSense NV), which
     * no scan can tell from the organisation, which stays: the company contact erased here is a second contact of
     * UrbanSense NV, with a name of their own, who reports on the company's running pilot.
     */
    static final String CONTACT = "contact-" + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort int port;
    @Autowired PersonalDataErasure erasure;
    @Autowired People people;
    @Autowired Cycles cycles;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired OcdsValidator ocds;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired TaskCompletions completions;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aJurorAndACompanyContactAreFoundNowhereAfterTheirErasureAndTheRecordsStayValid() throws Exception {
        companyContactReportsOnThePilot();
        List<String> needles = new ArrayList<>();
        for (String userId : List.of(JUROR, CONTACT)) {
            People.Person person = people.find(userId).orElseThrow();
            needles.addAll(List.of(person.userId(), person.email(), person.firstName() + " " + person.lastName(), person.lastName()));
        }
        List<Finding> found = PersonalDataScan.find(dataSource, needles);
        // the scan finds them before, in every kind of place the holders must clean (else it could not fail)
        assertThat(byTable(found)).as("tables naming them before the erasure").containsKeys("ACT_ID_USER", "ACT_ID_MEMBERSHIP",
                "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_RU_VARIABLE", "DECISION_EVALUATION", "JURY_SEAT", "JURY_SCORE",
                "NOTIFICATION", "PILOT_REPORT");
        assertThat(found).as("a byte array naming them: the comment's full message").anyMatch(f -> f.column().equalsIgnoreCase("FULL_MSG_"));

        for (String userId : List.of(JUROR, CONTACT)) {
            erasure.erase(userId, "request");
        }

        Map<String, List<String>> after = byTable(PersonalDataScan.find(dataSource, needles));

        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        for (Cycles.CycleView cycle : cycles.all()) {
            HttpResponse<byte[]> report = coordinator.getBytes("/reports/cycles/" + cycle.id() + ".pdf");
            assertThat(report.statusCode()).as("cycle report of " + cycle.name()).isEqualTo(200);
            assertThat(new String(report.body(), 0, 5)).isEqualTo("%PDF-");
        }
        List<String> ocids = jdbc.queryForList("SELECT DISTINCT ocid FROM ocds_release ORDER BY ocid", String.class);
        assertThat(ocids).isNotEmpty();
        for (String ocid : ocids) {
            JsonNode pkg = json.readTree(new PortalClient(port).get("/api/ocds/packages/" + ocid).body());
            assertThat(ocds.problems(pkg)).as("OCDS package " + ocid).isEmpty();
        }
        // last, so that the records are checked even where a holder is missing
        assertThat(after).as("tables still holding an erased person (table → column: value)").isEmpty();
        assertThat(people.find(JUROR)).as("identity's holder deletes the account").isEmpty();
    }

    /** The contact joins UrbanSense NV, takes the company's progress report and completes it, naming themselves. */
    private void companyContactReportsOnThePilot() {
        User user = identity.newUser(CONTACT);
        user.setFirstName("Philippa");
        user.setLastName("Zwanenburg");
        user.setEmail(CONTACT + "@example.org");
        user.setPassword("correct horse battery");
        identity.saveUser(user);
        identity.createMembership(CONTACT, "companies");
        identity.createMembership(CONTACT, "company-urbansense");
        Task report = tasks.createTaskQuery().taskDefinitionKey(PilotProcess.USER_TASK_REPORT_PROGRESS)
                .taskCandidateGroup("company-urbansense").list().get(0);
        // a colleague's comment names the contact beyond the 163 characters of MESSAGE_: only the bytes of FULL_MSG_ hold it
        tasks.createComment(report.getId(), report.getProcessInstanceId(), "Progress report for the sensor pilot: the sensors "
                + "are installed on every lamp post of the first street and the data flows to the city's platform since Monday. "
                + "Ask Zwanenburg.");
        identity.setAuthentication(CONTACT, List.of("companies", "company-urbansense"));
        try {
            tasks.claim(report.getId(), CONTACT);
            completions.complete(tasks.createTaskQuery().taskId(report.getId()).singleResult(), CONTACT, Map.of(
                    PilotProcess.PROGRESS.name(), "Sensors installed; questions to Philippa Zwanenburg, " + CONTACT + "@example.org",
                    PilotProcess.MILESTONE_MET.name(), PilotProcess.MILESTONE_MET.stored(PilotProcess.Answer.YES)));
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, List<String>> byTable(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(f -> f.table().toUpperCase(), TreeMap::new,
                Collectors.mapping(f -> f.column() + ": " + f.value(), Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new),
                        s -> new ArrayList<>(s).subList(0, Math.min(3, s.size()))))));
    }

}

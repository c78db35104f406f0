package eu.smartcity.accelerator.support;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.CITY_GROUP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.cycle.BylawsCatalog;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a contract is drafted from: a cycle under the scifi-2024 bylaws, a city's challenge in it and a company's
 * application to it, written straight into their tables (no challenge or application process runs, so a process
 * test class still measures the coverage of its own process). A contract naming a challenge or an application
 * that does not exist is refused ({@code ContractDocuments} fails fast): the tests that reach one start here.
 */
public record ContractCase(UUID cycleId, UUID challengeId, UUID applicationId, String cityGroup, String companyGroup) {

    public static final String BYLAWS = "scifi-2024";

    public static ContractCase of(ApplicationContext context, String cityGroup, String companyGroup) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String rules;
        try {
            rules = context.getBean(ObjectMapper.class).writeValueAsString(context.getBean(BylawsCatalog.class).all().get(BYLAWS));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ContractCase c = new ContractCase(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), cityGroup, companyGroup);
        jdbc.update("insert into cycle (id, name, bylaws_version, rules_json, rules_sha256, opened_at, status) "
                + "values (?, ?, ?, ?, 'fixture', current_timestamp, 'OPEN')", c.cycleId, "Contract case " + c.cycleId, BYLAWS, rules);
        jdbc.update("insert into challenge (id, cycle_id, city_group, title, problem, open_datasets, budget_cap, kpis, languages, "
                + "min_trl, status) values (?, ?, ?, 'Quiet streets', 'Night deliveries wake people up; measure and reduce noise.', "
                + "'Noise sensors (CSV)', 10000, 'Complaints -30 %', 'nl, en', 6, 'SELECTION')", c.challengeId, c.cycleId, cityGroup);
        jdbc.update("insert into application (id, challenge_id, company_group, solution_title, pitch, requested_budget, trl, "
                + "legal_entity, country, employees, interoperable, declarations_signed, submitted_at, status) values "
                + "(?, ?, ?, 'Quiet sensors', 'Noise sensors at delivery points.', 9000, 7, true, 'BE', 12, true, true, "
                + "current_timestamp, 'SUBMITTED')", c.applicationId, c.challengeId, companyGroup);
        return c;
    }

    /** The process tests' delivery variables ({@link ProcessTestBase#deliveryVariables}) naming this case. */
    public Map<String, Object> delivery() {
        Map<String, Object> v = ProcessTestBase.deliveryVariables();
        v.put(CYCLE_ID.name(), cycleId.toString());
        v.put(ChallengeProcess.CHALLENGE_ID.name(), challengeId.toString());
        v.put(ChallengeProcess.APPLICATION_ID.name(), applicationId.toString());
        v.put(CITY_GROUP.name(), cityGroup);
        v.put(ChallengeProcess.COMPANY_GROUP.name(), companyGroup);
        return v;
    }
}

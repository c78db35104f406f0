package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's reports as PDFs: a pilot's evaluation, a cycle's outcome, the bylaws for publication.
 * Challenges, applications and cycles come through their modules' APIs; contract, pilot and evaluation
 * facts are read (read-only) from their tables, as a reporting read model, because those modules
 * publish no query API yet and depend on this one (contract).
 */
@Service
public class Reports {

    private final JdbcTemplate jdbc;
    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final ContractTemplates templates;
    private final HistoryService history;
    private final IdentityService identity;

    Reports(JdbcTemplate jdbc, Challenges challenges, Applications applications, Cycles cycles, ContractTemplates templates,
            HistoryService history, IdentityService identity) {
        this.jdbc = jdbc;
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.templates = templates;
        this.history = history;
        this.identity = identity;
    }

    /** Who may read an evaluation report: its city; anyone once published. */
    public record EvaluationAccess(String cityGroup, boolean published) {}

    @Transactional(readOnly = true)
    public Optional<EvaluationAccess> evaluationAccess(UUID evaluationId) {
        return jdbc.query("select city_group, published_at from evaluation where id = ?",
                (rs, i) -> new EvaluationAccess(rs.getString(1), rs.getTimestamp(2) != null), evaluationId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Documents.EvaluationReport> evaluation(UUID evaluationId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select e.challenge_id, e.city_group, e.kpi_name, e.kpi_target, e.kpi_result, e.survey_score, e.measured_score,
                       e.verdict, e.published_at, p.status as pilot_status, p.company_group, p.milestones_done
                from evaluation e left join pilot p on p.id = e.pilot_id where e.id = ?""", evaluationId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = lower(rows.get(0));
        UUID challengeId = (UUID) r.get("challenge_id");
        String challenge = challenges.find(challengeId).map(Challenges.ChallengeView::title).orElse("challenge " + challengeId);
        List<Documents.Kpi> kpis = r.get("kpi_name") == null ? List.of()
                : List.of(new Documents.Kpi((String) r.get("kpi_name"), number(r.get("kpi_target")), number(r.get("kpi_result")), null));
        List<Documents.Evidence> evidence = r.get("survey_score") == null ? List.of()
                : List.of(new Documents.Evidence("Overall score (citizens vs measured)",
                        number(r.get("survey_score")), number(r.get("measured_score"))));
        String pilot = r.get("pilot_status") == null ? "-"
                : r.get("pilot_status").toString().toLowerCase().replace('_', ' ') + ", " + r.get("milestones_done") + " milestones reported";
        java.time.Instant published = instant(r.get("published_at"));
        return Optional.of(new Documents.EvaluationReport(evaluationId.toString(), challenge, groupName((String) r.get("city_group")),
                r.get("company_group") == null ? "-" : groupName((String) r.get("company_group")), pilot, kpis, evidence,
                (String) r.get("verdict"), verdictReason(evaluationId), published));
    }

    @Transactional(readOnly = true)
    public Optional<Documents.CycleReport> cycle(UUID cycleId) {
        return cycles.all().stream().filter(c -> c.id().equals(cycleId)).findFirst().map(cycle -> {
            List<Documents.ChallengeOutcome> outcomes = challenges.ofCycle(cycleId).stream().map(c -> {
                int submitted = applications.submittedTo(c.id()).size();
                int eligible = applications.eligibleFor(c.id()).size();
                Map<String, Object> contract = first("select company_group, status from contract where challenge_id = ? "
                        + "and original_contract_id is null order by case when status = 'SIGNED' then 0 else 1 end", c.id());
                Map<String, Object> pilot = first("select status from pilot where challenge_id = ? and original_pilot_id is null", c.id());
                Map<String, Object> evaluation = first("select verdict from evaluation where challenge_id = ?", c.id());
                return new Documents.ChallengeOutcome(c.title(), groupName(c.cityGroup()), words(c.status()), submitted, eligible,
                        contract == null ? null : groupName((String) contract.get("company_group")),
                        contract == null ? null : words((String) contract.get("status")),
                        pilot == null ? null : words((String) pilot.get("status")),
                        evaluation == null ? null : (String) evaluation.get("verdict"));
            }).toList();
            return new Documents.CycleReport(cycle.name(), cycle.bylawsVersion(), words(cycle.status()), outcomes);
        });
    }

    /** The bylaws of a version as a PDF, from {@code bylaws/<version>/bylaws.md}. */
    public Optional<byte[]> bylaws(String version) {
        return templates.bylawsText(version).map(text -> Documents.bylaws(version, text));
    }

    private Map<String, Object> first(String sql, UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql, id);
        return rows.isEmpty() ? null : lower(rows.get(0));
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    private String verdictReason(UUID evaluationId) {
        // the evaluation process that holds this evaluationId (called by a challenge or a replication)
        for (HistoricVariableInstance holder : history.createHistoricVariableInstanceQuery()
                .variableValueEquals("evaluationId", evaluationId.toString()).list()) {
            HistoricVariableInstance reason = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(holder.getProcessInstanceId()).variableName("verdictReason").singleResult();
            if (reason != null && reason.getValue() != null) {
                return reason.getValue().toString();
            }
        }
        return null;
    }

    private String groupName(String groupId) {
        if (groupId == null) {
            return "-";
        }
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group != null && group.getName() != null ? group.getName() : groupId;
    }

    private static String words(String status) {
        return status == null ? null : status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** H2 answers OffsetDateTime, PostgreSQL Timestamp. */
    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.time.Instant i ? i : null;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}

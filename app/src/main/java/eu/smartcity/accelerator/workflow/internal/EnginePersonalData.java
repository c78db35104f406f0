package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.Mentions;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's share of a person's data (section {@value #SECTION}): tasks, started processes, comments,
 * attachments, identity links, authorizations, operation log, variables and decision inputs — runtime and history —
 * plus workflow's own {@code decision_evaluation}. Erasure unassigns their running tasks and removes their
 * authorizations through the engine's services; history has no API for pseudonymising, so that is SQL on the 7.24
 * schema (the same statements on H2 and PostgreSQL). A reference to the person (a user id, an e-mail as the whole
 * value) becomes the pseudonym; free text mentioning them is deleted from history and pseudonymised in the runtime,
 * where a running process may still read it.
 */
@Component
class EnginePersonalData implements PersonalDataHolder {

    static final String SECTION = "process-engine";

    /** Columns holding nothing but a user id: history keeps the row, with the pseudonym. */
    private static final List<String[]> USER_ID_COLUMNS = List.of(
            new String[] {"ACT_HI_TASKINST", "ASSIGNEE_"}, new String[] {"ACT_HI_TASKINST", "OWNER_"},
            new String[] {"ACT_HI_ACTINST", "ASSIGNEE_"}, new String[] {"ACT_HI_PROCINST", "START_USER_ID_"},
            new String[] {"ACT_HI_CASEINST", "CREATE_USER_ID_"}, new String[] {"ACT_HI_OP_LOG", "USER_ID_"},
            new String[] {"ACT_HI_DECINST", "USER_ID_"}, new String[] {"ACT_HI_BATCH", "CREATE_USER_ID_"},
            new String[] {"ACT_RU_BATCH", "CREATE_USER_ID_"}, new String[] {"ACT_HI_IDENTITYLINK", "USER_ID_"},
            new String[] {"ACT_HI_IDENTITYLINK", "ASSIGNER_ID_"});

    /** Text columns that may mention the person (messages, names, keys): the mention becomes the pseudonym. */
    private static final List<String[]> TEXT_COLUMNS = List.of(
            new String[] {"ACT_RU_VARIABLE", "TEXT_"}, new String[] {"ACT_RU_VARIABLE", "TEXT2_"},
            new String[] {"ACT_HI_VARINST", "TEXT2_"}, new String[] {"ACT_HI_DETAIL", "TEXT2_"},
            new String[] {"ACT_HI_DEC_IN", "TEXT_"}, new String[] {"ACT_HI_DEC_IN", "TEXT2_"},
            new String[] {"ACT_HI_DEC_OUT", "TEXT_"}, new String[] {"ACT_HI_DEC_OUT", "TEXT2_"},
            new String[] {"ACT_HI_OP_LOG", "ORG_VALUE_"}, new String[] {"ACT_HI_OP_LOG", "NEW_VALUE_"},
            new String[] {"ACT_HI_OP_LOG", "ANNOTATION_"},
            new String[] {"ACT_RU_TASK", "NAME_"}, new String[] {"ACT_RU_TASK", "DESCRIPTION_"},
            new String[] {"ACT_HI_TASKINST", "NAME_"}, new String[] {"ACT_HI_TASKINST", "DESCRIPTION_"},
            new String[] {"ACT_HI_TASKINST", "DELETE_REASON_"}, new String[] {"ACT_HI_PROCINST", "DELETE_REASON_"},
            new String[] {"ACT_RU_EXECUTION", "BUSINESS_KEY_"}, new String[] {"ACT_HI_PROCINST", "BUSINESS_KEY_"},
            new String[] {"ACT_RU_INCIDENT", "INCIDENT_MSG_"}, new String[] {"ACT_HI_INCIDENT", "INCIDENT_MSG_"},
            new String[] {"ACT_RU_INCIDENT", "ANNOTATION_"}, new String[] {"ACT_HI_INCIDENT", "ANNOTATION_"},
            new String[] {"ACT_RU_JOB", "EXCEPTION_MSG_"}, new String[] {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_"},
            new String[] {"ACT_HI_EXT_TASK_LOG", "ERROR_MSG_"},
            new String[] {"ACT_HI_COMMENT", "MESSAGE_"}, new String[] {"ACT_HI_ATTACHMENT", "NAME_"},
            new String[] {"ACT_HI_ATTACHMENT", "DESCRIPTION_"}, new String[] {"ACT_HI_ATTACHMENT", "URL_"});

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final EngineAuthentication engine;
    private final int defaultTimeToLiveDays;

    EnginePersonalData(JdbcTemplate jdbc, TaskService tasks, AuthorizationService authorizations, EngineAuthentication engine,
            ProcessEngine processEngine) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.engine = engine;
        this.defaultTimeToLiveDays = ParseUtil.parseHistoryTimeToLive(
                ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryTimeToLive());
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        String id = subject.userId();
        Map<String, Object> export = new LinkedHashMap<>();
        put(export, "tasks", rows("""
                SELECT NAME_ AS name, TASK_DEF_KEY_ AS task, PROC_DEF_KEY_ AS process, START_TIME_ AS started, END_TIME_ AS ended
                FROM ACT_HI_TASKINST WHERE ASSIGNEE_ = ? OR OWNER_ = ? ORDER BY START_TIME_""", id, id));
        put(export, "processesStarted", rows("""
                SELECT PROC_DEF_KEY_ AS process, START_TIME_ AS started, END_TIME_ AS ended
                FROM ACT_HI_PROCINST WHERE START_USER_ID_ = ? ORDER BY START_TIME_""", id));
        put(export, "comments", rows("""
                SELECT TIME_ AS at, MESSAGE_ AS message FROM ACT_HI_COMMENT WHERE USER_ID_ = ? ORDER BY TIME_""", id));
        put(export, "attachments", rows("""
                SELECT NAME_ AS name, DESCRIPTION_ AS description, CREATE_TIME_ AS at FROM ACT_HI_ATTACHMENT WHERE USER_ID_ = ?""", id));
        put(export, "variables", rows("""
                SELECT NAME_ AS name, PROC_DEF_KEY_ AS process, CREATE_TIME_ AS at FROM ACT_HI_VARINST
                WHERE TEXT_ = ? OR TEXT_ = ? ORDER BY CREATE_TIME_""", id, subject.email() == null ? id : subject.email()));
        put(export, "decisions", rows("""
                SELECT decision_key AS decision, subject_type AS subject, evaluated_at AS at FROM decision_evaluation
                WHERE actor = ? ORDER BY evaluated_at""", id));
        put(export, "authorizations", rows("SELECT RESOURCE_TYPE_ AS resource, RESOURCE_ID_ AS id, PERMS_ AS permissions"
                + " FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = ?", id));
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Mentions person = new Mentions(subject);
        Map<String, Integer> counts = new LinkedHashMap<>();
        engine.withoutAuthorizationChecks(() -> {
            leaveRunningTasks(subject.userId(), counts);
            dropAuthorizations(subject.userId(), counts);
            return null;
        });
        String id = subject.userId();
        add(counts, "ACT_RU_IDENTITYLINK", jdbc.update("DELETE FROM ACT_RU_IDENTITYLINK WHERE USER_ID_ = ?", id));
        add(counts, "ACT_RU_FILTER", jdbc.update("DELETE FROM ACT_RU_FILTER WHERE OWNER_ = ?", id));
        // what they wrote themselves: comments and attachments (with the attachment's content)
        add(counts, "ACT_GE_BYTEARRAY", jdbc.update("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN"
                + " (SELECT CONTENT_ID_ FROM ACT_HI_ATTACHMENT WHERE USER_ID_ = ?)", id));
        add(counts, "ACT_HI_ATTACHMENT", jdbc.update("DELETE FROM ACT_HI_ATTACHMENT WHERE USER_ID_ = ?", id));
        add(counts, "ACT_HI_COMMENT", jdbc.update("DELETE FROM ACT_HI_COMMENT WHERE USER_ID_ = ?", id));
        for (String[] column : USER_ID_COLUMNS) {
            add(counts, column[0], jdbc.update("UPDATE " + column[0] + " SET " + column[1] + " = ? WHERE " + column[1] + " = ?",
                    person.pseudonym(), id));
        }
        forgetHistoricVariables(person, "ACT_HI_VARINST", counts);
        forgetHistoricVariables(person, "ACT_HI_DETAIL", counts);
        for (String[] column : TEXT_COLUMNS) {
            add(counts, column[0], rewrite(person, column[0], column[1]));
        }
        add(counts, "ACT_HI_COMMENT", rewriteComments(person));
        add(counts, "ACT_GE_BYTEARRAY", rewriteByteArrays(person));
        add(counts, "decision_evaluation", jdbc.update("UPDATE decision_evaluation SET actor = ? WHERE actor = ?", person.pseudonym(), id));
        for (String column : List.of("subject_id", "inputs_json", "matched_rules_json", "outputs_json")) {
            add(counts, "decision_evaluation", rewrite(person, "decision_evaluation", column, "id"));
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /**
     * The operation log of process instances whose history the engine's cleanup removed. The engine's cleanup strategy
     * {@code endTimeBased} (docs/settings.md) deletes an ended instance's history its definition's time-to-live after
     * the instance's end, every table but {@code ACT_HI_OP_LOG}: Camunda has no statement that deletes it by process
     * instance (only by removal time, which this strategy does not write). An entry goes once its instance's history
     * is gone and it is itself older than that time-to-live (an entry about a deletion of history, whose instance is
     * gone at once, is kept as long). Definitions without a time-to-live of their own, or undeployed: the engine's.
     */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        String orphaned = "DELETE FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ IS NOT NULL AND TIMESTAMP_ < ? AND %s"
                + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = ACT_HI_OP_LOG.PROC_INST_ID_)";
        int deleted = 0;
        for (Integer days : jdbc.queryForList("SELECT DISTINCT HISTORY_TTL_ FROM ACT_RE_PROCDEF WHERE HISTORY_TTL_ IS NOT NULL", Integer.class)) {
            deleted += jdbc.update(orphaned.formatted("PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE HISTORY_TTL_ = ?)"),
                    olderThan(now, days), days);
        }
        deleted += jdbc.update(orphaned.formatted(
                "(PROC_DEF_ID_ IS NULL OR PROC_DEF_ID_ NOT IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE HISTORY_TTL_ IS NOT NULL))"),
                olderThan(now, defaultTimeToLiveDays));
        return deleted == 0 ? Map.of() : Map.of("ACT_HI_OP_LOG", deleted);
    }

    private static Timestamp olderThan(Instant now, int days) {
        return Timestamp.from(now.minus(Duration.ofDays(days)));
    }

    /** Their running tasks go back to the candidate groups; they stop being a candidate or owner. */
    private void leaveRunningTasks(String userId, Map<String, Integer> counts) {
        for (Task task : tasks.createTaskQuery().taskAssignee(userId).list()) {
            tasks.setAssignee(task.getId(), null);
            add(counts, "ACT_RU_TASK", 1);
        }
        for (Task task : tasks.createTaskQuery().taskOwner(userId).list()) {
            tasks.setOwner(task.getId(), null);
            add(counts, "ACT_RU_TASK", 1);
        }
        for (Task task : tasks.createTaskQuery().taskCandidateUser(userId).list()) {
            tasks.deleteUserIdentityLink(task.getId(), userId, IdentityLinkType.CANDIDATE);
            add(counts, "ACT_RU_IDENTITYLINK", 1);
        }
    }

    /** Authorizations granted to them, and those on their user resource (granted to others about them). */
    private void dropAuthorizations(String userId, Map<String, Integer> counts) {
        List<Authorization> theirs = new ArrayList<>(authorizations.createAuthorizationQuery().userIdIn(userId).list());
        theirs.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.USER).resourceId(userId).list());
        theirs.stream().map(Authorization::getId).distinct().forEach(authorizationId -> {
            authorizations.deleteAuthorization(authorizationId);
            add(counts, "ACT_RU_AUTHORIZATION", 1);
        });
    }

    /** A historic variable that only names the person keeps its row with the pseudonym; free text about them goes. */
    private void forgetHistoricVariables(Mentions person, String table, Map<String, Integer> counts) {
        for (Map<String, Object> row : candidates(person, table, "TEXT_", "ID_", ", BYTEARRAY_ID_")) {
            String text = (String) value(row, "TEXT_");
            if (!person.foundIn(text)) {
                continue;
            }
            if (person.isOnly(text)) {
                add(counts, table, jdbc.update("UPDATE " + table + " SET TEXT_ = ? WHERE ID_ = ?", person.pseudonym(), value(row, "ID_")));
            } else {
                if (value(row, "BYTEARRAY_ID_") != null) {
                    add(counts, "ACT_GE_BYTEARRAY", jdbc.update("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ = ?", value(row, "BYTEARRAY_ID_")));
                }
                if (table.equals("ACT_HI_VARINST")) {
                    add(counts, "ACT_HI_DETAIL", jdbc.update("DELETE FROM ACT_HI_DETAIL WHERE VAR_INST_ID_ = ?", value(row, "ID_")));
                }
                add(counts, table, jdbc.update("DELETE FROM " + table + " WHERE ID_ = ?", value(row, "ID_")));
            }
        }
    }

    private int rewrite(Mentions person, String table, String column) {
        return rewrite(person, table, column, "ID_");
    }

    private int rewrite(Mentions person, String table, String column, String idColumn) {
        int touched = 0;
        for (Map<String, Object> row : candidates(person, table, column, idColumn, "")) {
            String text = String.valueOf(value(row, column));
            String rewritten = person.pseudonymise(text);
            if (!rewritten.equals(text)) {
                touched += jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?", rewritten, value(row, idColumn));
            }
        }
        return touched;
    }

    /** Rows whose column may mention the person (LIKE pre-filter; the matcher decides). */
    private List<Map<String, Object>> candidates(Mentions person, String table, String column, String idColumn, String more) {
        List<Object> args = new ArrayList<>();
        String where = PersonalColumns.mayMention(List.of(column), person, args);
        return jdbc.queryForList("SELECT " + idColumn + ", " + column + more + " FROM " + table + " WHERE " + where, args.toArray());
    }

    /** Comments by others that mention the person: the short and the full message. */
    private int rewriteComments(Mentions person) {
        int touched = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT ID_, FULL_MSG_ FROM ACT_HI_COMMENT WHERE FULL_MSG_ IS NOT NULL")) {
            byte[] bytes = (byte[]) value(row, "FULL_MSG_");
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (person.foundIn(text)) {
                touched += jdbc.update("UPDATE ACT_HI_COMMENT SET FULL_MSG_ = ? WHERE ID_ = ?",
                        person.pseudonymise(text).getBytes(StandardCharsets.UTF_8), value(row, "ID_"));
            }
        }
        return touched;
    }

    /**
     * Byte arrays outside deployments (long or serialized variable values, job exception traces, decision inputs):
     * read as UTF-8; where they mention the person, the mention becomes the pseudonym. Our variables are never
     * Java-serialized (workflow.Variable stores primitives), so text replacement does not corrupt a value.
     */
    private int rewriteByteArrays(Mentions person) {
        int touched = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT ID_, BYTES_ FROM ACT_GE_BYTEARRAY WHERE DEPLOYMENT_ID_ IS NULL AND BYTES_ IS NOT NULL")) {
            String text = new String((byte[]) value(row, "BYTES_"), StandardCharsets.UTF_8);
            if (person.foundIn(text)) {
                touched += jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE ID_ = ?",
                        person.pseudonymise(text).getBytes(StandardCharsets.UTF_8), value(row, "ID_"));
            }
        }
        return touched;
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args).stream().map(row -> {
            Map<String, Object> json = new LinkedHashMap<>();
            row.forEach((k, v) -> json.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Timestamp t ? t.toInstant().toString()
                    : v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v));
            return json;
        }).toList();
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static void put(Map<String, Object> export, String key, List<?> rows) {
        if (!rows.isEmpty()) {
            export.put(key, rows);
        }
    }

    private static void add(Map<String, Integer> counts, String table, int n) {
        counts.merge(table, n, Integer::sum);
    }
}

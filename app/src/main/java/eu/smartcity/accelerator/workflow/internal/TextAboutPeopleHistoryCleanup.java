package eu.smartcity.accelerator.workflow.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Free text about people that history holds from before {@link AuditTrailHistory} left it out (issue 24), or from
 * before a contract marked a variable so: removed once, when the engine of a version with a new list of such variables
 * first starts. Plugins run while the engine is built, under the cluster's startup lock, so one node does it. The
 * list last cleaned for is remembered (as a digest) in {@code ACT_GE_PROPERTY}: every later start costs one read.
 */
@Component
class TextAboutPeopleHistoryCleanup extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "accelerator.history.text-about-people-removed";

    private static final Logger log = LoggerFactory.getLogger(TextAboutPeopleHistoryCleanup.class);

    private final AuditTrailHistory rules;
    private final JdbcTemplate jdbc;

    TextAboutPeopleHistoryCleanup(AuditTrailHistory rules, JdbcTemplate jdbc) {
        this.rules = rules;
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        String digest = digest(rules.textAboutPeople());
        if (digest.equals(management.getProperties().get(PROPERTY))) {
            return;
        }
        int removed = remove(engine.getHistoryService(), rules.textAboutPeople());
        management.setProperty(PROPERTY, digest);
        log.info("Removed {} history rows of free text about people ({})", removed, new TreeSet<>(rules.textAboutPeople()));
    }

    /** Deletes what history holds of these variables; the running instances keep their runtime values. */
    int remove(HistoryService history, Set<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        int removed = 0;
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().variableNameIn(names.toArray(String[]::new))
                .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            history.deleteHistoricVariableInstance(variable.getId()); // with its details and byte arrays
            removed++;
        }
        // Tasklist's form submissions: details of their own (value in TEXT_), tied to no variable instance
        String placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
        removed += jdbc.update("DELETE FROM ACT_HI_DETAIL WHERE TYPE_ = 'FormProperty' AND NAME_ IN (" + placeholders + ")",
                names.toArray());
        return removed;
    }

    static String digest(Set<String> names) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join(",", new TreeSet<>(names)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

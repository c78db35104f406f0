package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.workflow.DecisionRecord;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Read side for people: why an application was (in)eligible and how it was scored — every
 * recorded evaluation (decision key and version, inputs, matched rules with annotations, outputs,
 * time, process instance).
 *
 * <p>Rule: jury members and the coordinator see the records at any time; the applicant only once
 * the results are final (before that: {@link ResultsNotFinalException}), and with the jury members'
 * identities replaced by "jury member 1", "jury member 2", … (numbered in order of first evaluation).
 */
@Service
public class DecisionExplanations {

    private final DecisionRecords records;

    DecisionExplanations(DecisionRecords records) {
        this.records = records;
    }

    public List<DecisionRecord> explanationFor(String applicationId, Viewer viewer, boolean resultsFinal) {
        List<DecisionRecord> all = records.forSubject(Decisions.SUBJECT_APPLICATION, applicationId);
        if (viewer != Viewer.APPLICANT) {
            return all;
        }
        if (!resultsFinal) {
            throw new ResultsNotFinalException(applicationId);
        }
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        List<DecisionRecord> shown = new ArrayList<>();
        for (DecisionRecord record : all) {
            shown.add(record.actor() == null ? record
                    : record.withActor(pseudonyms.computeIfAbsent(record.actor(), a -> "jury member " + (pseudonyms.size() + 1))));
        }
        return shown;
    }
}

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
 * <p>Rule (independent marking): a juror's marks are that juror's alone until the ranking is
 * computed. A jury member sees the eligibility records and their own marks; the coordinator sees the
 * eligibility records, and every juror's marks once the ranking is computed; the applicant sees
 * everything only once the results are final (before that: {@link ResultsNotFinalException}), with the
 * jury members' identities replaced by "jury member 1", "jury member 2", … (in order of first evaluation).
 */
@Service
public class DecisionExplanations {

    private final DecisionRecords records;

    DecisionExplanations(DecisionRecords records) {
        this.records = records;
    }

    /**
     * @param released for the applicant: the results are final; for the coordinator: the ranking is computed;
     *                 a jury member sees their own marks regardless
     */
    public List<DecisionRecord> explanationFor(String applicationId, Viewer viewer, boolean released) {
        List<DecisionRecord> all = records.forSubject(Decisions.SUBJECT_APPLICATION, applicationId);
        return switch (viewer.kind()) {
            case JURY_MEMBER -> all.stream().filter(r -> r.actor() == null || r.actor().equals(viewer.userId())).toList();
            case COORDINATOR -> released ? all : all.stream().filter(r -> r.actor() == null).toList();
            case APPLICANT -> {
                if (!released) {
                    throw new ResultsNotFinalException(applicationId);
                }
                yield pseudonymised(all);
            }
        };
    }

    private static List<DecisionRecord> pseudonymised(List<DecisionRecord> all) {
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        List<DecisionRecord> shown = new ArrayList<>();
        for (DecisionRecord record : all) {
            shown.add(record.actor() == null ? record
                    : record.withActor(pseudonyms.computeIfAbsent(record.actor(), a -> "jury member " + (pseudonyms.size() + 1))));
        }
        return shown;
    }
}

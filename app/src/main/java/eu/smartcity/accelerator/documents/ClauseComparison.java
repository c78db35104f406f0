package eu.smartcity.accelerator.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract of a case, clause by clause, each with what the template said and what the case says. */
public final class ClauseComparison {

    public enum Status { UNCHANGED, REWRITTEN, REMOVED, ADDED }

    /** {@code templateText} is null for an added clause, {@code caseText} null for a removed one. */
    public record ClauseView(String id, String title, Status status, String templateText, String caseText) {
        public boolean changed() { return status != Status.UNCHANGED; }
    }

    private static final Pattern ID = Pattern.compile("C([0-9]+)([a-z]?)");

    private ClauseComparison() {}

    public static List<ClauseView> compare(ContractTemplate template, List<ClauseChange> changes, Map<String, String> values) {
        List<ClauseView> views = new ArrayList<>();
        for (ContractTemplate.Clause clause : template.clauses()) {
            String original = ContractTemplate.fill(clause.text(), values);
            Optional<ClauseChange> change = changes.stream().filter(c -> c.clauseId().equals(clause.id())).findFirst();
            if (change.isEmpty()) {
                views.add(new ClauseView(clause.id(), clause.title(), Status.UNCHANGED, original, original));
            } else if (change.get().kind() == ClauseChange.Kind.REMOVED) {
                views.add(new ClauseView(clause.id(), clause.title(), Status.REMOVED, original, null));
            } else {
                views.add(new ClauseView(clause.id(), clause.title(), Status.REWRITTEN, original, change.get().text()));
            }
        }
        changes.stream().filter(c -> c.kind() == ClauseChange.Kind.ADDED)
                .forEach(c -> views.add(new ClauseView(c.clauseId(), c.title(), Status.ADDED, null, c.text())));
        views.sort(Comparator.comparing(ClauseComparison::order));
        return views;
    }

    private static String order(ClauseView view) {
        Matcher m = ID.matcher(view.id());
        return m.matches() ? String.format("%06d%s", Integer.parseInt(m.group(1)), m.group(2)) : view.id();
    }
}

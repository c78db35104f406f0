package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.identity.CurrentUser;
import java.util.Optional;
import java.util.Set;

/**
 * The subject of one kind of user task, chosen by its task definition key. An implementation uses the
 * ids the engine set only to find the records (through the owning feature's public API), then checks
 * that they belong to the user's organisation or jury seat — else {@link NotYours}, which the page
 * answers with 404 — and returns the facts to show. Empty when the records do not exist.
 */
interface SubjectView {

    /** The BPMN user task ids this view shows. */
    Set<String> taskKeys();

    Optional<TaskSubject> read(TaskIds ids, CurrentUser user);

    /** Only the short context (for lists and Tasklist task names), without checking the reader. */
    Optional<TaskSubject.Context> context(TaskIds ids);

    /** The task's records belong to another organisation than the reader's. */
    final class NotYours extends RuntimeException {
        NotYours() {
            super(null, null, false, false);
        }
    }
}

package eu.smartcity.accelerator.selection.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The score tasks whose marks {@link eu.smartcity.accelerator.selection.JuryMarking} stored in the running transaction,
 * by task and assignee: the score task's complete listener finds its marks here without reading the task's three
 * variables through the jury's nested scopes and querying the scores again (issue 19). Bound to the transaction, so
 * nothing outlives it; without one (or for a task not marked here) the listener checks the records as before.
 */
public final class ScoresKeptNow {

    private static final Object KEY = ScoresKeptNow.class;

    private ScoresKeptNow() {
    }

    /** The marks of this task, completed by this assignee, were stored in this transaction. */
    public static void kept(String taskId, String assignee) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> kept = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (kept == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            kept = fresh;
        }
        kept.add(key(taskId, assignee));
    }

    /** Whether {@link #kept} was called for this task and assignee in the running transaction. */
    public static boolean wereKept(String taskId, String assignee) {
        Object kept = TransactionSynchronizationManager.getResource(KEY);
        return kept instanceof Set<?> set && set.contains(key(taskId, assignee));
    }

    private static String key(String taskId, String assignee) {
        return taskId + '\u0000' + assignee;
    }
}

package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.selection.internal.JurySeat;
import eu.smartcity.accelerator.selection.internal.JurySeats;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ReplaceJuryMember: the member with a conflict leaves; the next free member of the cycle's pool (or,
 * without a pool, of the jury group) takes the seat: never someone seated or recused on this challenge.
 */
@Component("replaceJuryMember")
class ReplaceJuryMember implements JavaDelegate {

    private final JurySeats seats;
    private final JuryPanel panel;

    ReplaceJuryMember(JurySeats seats, JuryPanel panel) {
        this.seats = seats;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        String recusing = ChallengeProcess.JURY_MEMBER.from(execution);
        JurySeat seat = seats.findByChallengeIdOrderBySeatNo(challengeId).stream()
                .filter(s -> s.member().equals(recusing) && s.status().equals(JurySeat.ASSIGNED))
                .findFirst().orElseThrow(() -> new IllegalStateException(recusing + " holds no seat on challenge " + challengeId));
        // the declaration and its reason were kept on the seat by JuryMarking; without them, no recusal
        if (!seat.declaredConflict()) {
            throw new IllegalStateException(recusing + " declared no conflict through the portal on challenge " + challengeId);
        }
        seat.recuse();
        List<String> taken = seats.findByChallengeIdOrderBySeatNo(challengeId).stream().map(JurySeat::member).toList();
        String replacement = panel.drawOrder(challengeId).stream().filter(m -> !taken.contains(m)).findFirst().orElse(null);
        ChallengeProcess.CONFLICT_DECISION.set(execution, null); // the replacement declares anew
        ChallengeProcess.REPLACEMENT_FOUND.set(execution, replacement != null);
        if (replacement != null) {
            seats.save(new JurySeat(challengeId, seat.seatNo(), replacement));
            ChallengeProcess.JURY_MEMBER.set(execution, replacement);
        }
    }
}

package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.selection.internal.JurySeat;
import eu.smartcity.accelerator.selection.internal.JurySeats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Seats and scoring lists for the multi-instance jury (bean {@code juryPanel}, read by the model's collection
 * expressions; public because the expression language calls it). It only reads: the seats are taken by
 * ServiceTask_SeatJury ({@link SeatJury}) and changed by ServiceTask_ReplaceJuryMember.
 */
@Component("juryPanel")
public class JuryPanel {

    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final JurySeats seats;
    private final JuryPool pool;
    private final People people;

    JuryPanel(Challenges challenges, Applications applications, Cycles cycles, JurySeats seats, JuryPool pool, People people) {
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.seats = seats;
        this.pool = pool;
        this.people = people;
    }

    /**
     * Who may take a seat on this challenge, best first: the cycle's jury pool ordered by the challenge's languages
     * and words ({@link JuryPool#drawOrder}); without a pool the whole jury group by user id, as before pools.
     */
    List<String> drawOrder(UUID challengeId) {
        ChallengeView challenge = challenges.find(challengeId).orElseThrow();
        Set<String> languages = Arrays.stream((challenge.languages() == null ? "" : challenge.languages()).split("[^A-Za-z]+"))
                .filter(l -> !l.isEmpty()).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> drawn = pool.drawOrder(challenge.cycleId(), languages,
                String.join(" ", challenge.title(), challenge.problem(), String.valueOf(challenge.openDatasets())));
        return drawn.isEmpty() ? pool.wholeJury().stream().filter(m -> !people.deactivated(m)).toList() : drawn;
    }

    /** Seats the jury once, as many members as the bylaws say, from the draw order (ServiceTask_SeatJury). */
    void seat(UUID challengeId) {
        if (seats.findByChallengeIdOrderBySeatNo(challengeId).isEmpty()) {
            int size = cycles.bylawsOf(challenges.find(challengeId).orElseThrow().cycleId()).jurySize();
            List<String> members = drawOrder(challengeId);
            for (int seat = 1; seat <= Math.min(size, members.size()); seat++) {
                seats.save(new JurySeat(challengeId, seat, members.get(seat - 1)));
            }
        }
    }

    /** The members holding the seats (the jury multi-instance's collection; the model passes {@code challengeId}). */
    public List<String> seatsFor(String challengeId) {
        return seats.findByChallengeIdAndStatusOrderBySeatNo(ChallengeProcess.CHALLENGE_ID.read(challengeId), JurySeat.ASSIGNED).stream()
                .map(JurySeat::member).toList();
    }

    /** The eligible applications each seat scores (the scoring multi-instance's collection). */
    public List<String> applicationsToScore(String challengeId) {
        return applications.eligibleFor(ChallengeProcess.CHALLENGE_ID.read(challengeId)).stream().map(a -> a.id().toString()).toList();
    }
}

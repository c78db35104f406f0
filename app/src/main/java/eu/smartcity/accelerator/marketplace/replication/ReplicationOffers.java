package eu.smartcity.accelerator.marketplace.replication;

import eu.smartcity.accelerator.evaluation.PilotOfferedForReplication;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.catalogue.Implementations;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import eu.smartcity.accelerator.marketplace.catalogue.Solutions;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.NotificationOutbox;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verdict "replicate" leads somewhere (issue 23.6): the evaluated pilot's implementation is marked as offered for
 * replication (the solution page says so to every city), and every city officer of another city gets a
 * REPLICATION_OFFERED mail in their language (there is no list of interested cities: all city officers are told; each
 * can switch the kind off). Runs in the transaction of the evaluation's SendTask_OfferForReplication; a second
 * delivery changes nothing and mails no one twice.
 */
@Service
public class ReplicationOffers {

    private static final Logger log = LoggerFactory.getLogger(ReplicationOffers.class);

    private final Implementations implementations;
    private final Solutions solutions;
    private final NotificationOutbox outbox;
    private final Organisations organisations;
    private final MessageSource messages;

    ReplicationOffers(Implementations implementations, Solutions solutions, NotificationOutbox outbox, Organisations organisations,
            MessageSource messages) {
        this.implementations = implementations;
        this.solutions = solutions;
        this.outbox = outbox;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** Whether the offer was recorded now (false: offered before, or the evaluation is not on the marketplace). */
    @EventListener
    @Transactional
    public boolean on(PilotOfferedForReplication offered) {
        Optional<Implementation> found = implementations.findFirstByEvaluationId(offered.evaluationId());
        if (found.isEmpty()) {
            // published without a supplier (no company group): nothing on the marketplace to offer
            log.warn("Evaluation {} offered for replication but not on the marketplace", offered.evaluationId());
            return false;
        }
        Implementation implementation = found.get();
        if (!implementation.offerForReplication(offered.offeredAt())) {
            return false;
        }
        Solution solution = solutions.findById(implementation.solutionId()).orElseThrow();
        int mails = outbox.toGroupExcept(NotificationKind.REPLICATION_OFFERED, offered.evaluationId().toString(),
                Roles.CITY_OFFICERS, offered.cityGroup(), solution.name(), "/marketplace/solutions/" + solution.id(),
                locale -> detail(offered, solution, locale));
        log.info("Pilot {} of {} offered for replication on solution {}: {} city officers told", offered.pilotId(),
                offered.cityGroup(), solution.id(), mails);
        return true;
    }

    private String detail(PilotOfferedForReplication offered, Solution solution, Locale locale) {
        return messages.getMessage("market.replicate.offeredMail", new Object[] {organisations.displayName(offered.cityGroup(), locale),
                solution.name(), offered.kpiName() == null ? "" : offered.kpiName(), number(offered.kpiResult()),
                number(offered.kpiTarget())}, locale);
    }

    private static String number(Double value) {
        return value == null ? "—" : value % 1 == 0 ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}

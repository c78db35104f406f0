package eu.smartcity.accelerator.marketplace.prospection;

import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import eu.smartcity.accelerator.marketplace.catalogue.Solutions;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.NotificationOutbox;
import eu.smartcity.accelerator.scoring.CatalogueSolution;
import eu.smartcity.accelerator.scoring.CityNeed;
import eu.smartcity.accelerator.scoring.SolutionMatch;
import eu.smartcity.accelerator.scoring.SolutionMatching;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier alerts: when the challenge process has published a call ({@code ServiceTask_PublishCall} ends),
 * the catalogue solutions of the challenge's domain are matched with {@code solution-matching} (each
 * evaluation recorded under the challenge id), every match at or above the alert threshold is kept in
 * {@code solution_alert} (for the prospection page), and each supplier gets one mail listing its matching
 * solutions with the reasons. All in the publishing step's transaction; a second run for the same challenge
 * (retry, publishing again) finds the rows and does nothing. The table names suppliers (groups), no person:
 * retention class: NONE.
 *
 * <p>A challenge has no domain field: its domain is the catalogue domain whose name (in English, Dutch or
 * French, or its id) its title and problem mention most often, {@code other} if none. Its budget is the
 * budget cap, its data is there when it lists open data sets, its route is the accelerator's pilot route
 * ({@value #ACCELERATOR_ROUTE}); its population is the city's from {@code accelerator.marketplace.city-population}
 * (0 for a city not listed).
 */
@Component
public class SolutionAlerts {

    private static final Logger log = LoggerFactory.getLogger(SolutionAlerts.class);
    static final String ACCELERATOR_ROUTE = "pre-commercial";
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH);

    /** One recorded match, as the prospection page shows it. */
    public record Alert(UUID challengeId, UUID solutionId, String supplierGroup, double score, List<String> ruleIds,
            Instant createdAt) {}

    private final Challenges challenges;
    private final Solutions solutions;
    private final SolutionMatching matching;
    private final NotificationOutbox outbox;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final Clock clock = Clock.systemUTC();

    SolutionAlerts(Challenges challenges, Solutions solutions, SolutionMatching matching, NotificationOutbox outbox,
            MessageSource messages, JdbcTemplate jdbc, Environment environment) {
        this.environment = environment;
        this.challenges = challenges;
        this.solutions = solutions;
        this.matching = matching;
        this.outbox = outbox;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @EventListener
    public void onExecution(DelegateExecution execution) {
        if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
                && ChallengeProcess.SERVICE_TASK_PUBLISH_CALL.equals(execution.getCurrentActivityId())
                && execution.getProcessDefinitionId() != null
                && execution.getProcessDefinitionId().startsWith(ChallengeProcess.KEY + ":")) {
            published(ChallengeProcess.CHALLENGE_ID.from(execution));
        }
    }

    /** Matches, records and mails for a just published challenge; returns how many suppliers were alerted. */
    @Transactional
    public int published(UUID challengeId) {
        Optional<Challenges.ChallengeView> found = challenges.find(challengeId);
        if (found.isEmpty() || alreadyAlerted(challengeId)) {
            return 0;
        }
        Challenges.ChallengeView challenge = found.get();
        String domain = domainOf(challenge.title() + " " + challenge.problem());
        long population = environment.getProperty("accelerator.marketplace.city-population." + challenge.cityGroup(), Long.class, 0L);
        CityNeed need = new CityNeed(challengeId.toString(), domain, challenge.budgetCap(), population,
                challenge.openDatasets() != null && !challenge.openDatasets().isBlank(), ACCELERATOR_ROUTE);
        List<CatalogueSolution> candidates = solutions.findAll().stream().filter(s -> s.domain().equals(domain))
                .map(s -> new CatalogueSolution(s.id().toString(), s.supplierGroup(), s.domain(), s.indicativeCost(),
                        s.minPopulation(), s.needsCityData(), s.procurementRoute()))
                .toList();
        Map<String, List<SolutionMatch>> alerts = matching.alerts(need, candidates);
        Instant now = clock.instant();
        alerts.forEach((supplier, matches) -> {
            for (SolutionMatch m : matches) {
                jdbc.update("INSERT INTO solution_alert (id, challenge_id, solution_id, supplier_group, match_score, rule_ids,"
                        + " decision_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), challengeId,
                        UUID.fromString(m.solution().solutionId()), supplier, m.matchScore(), String.join(",", m.matchedRuleIds()),
                        m.decisionVersion(), Timestamp.from(now));
            }
            outbox.toGroup(NotificationKind.SOLUTION_ALERT, challengeId.toString(), supplier, challenge.title(),
                    "/challenges/" + challengeId, locale -> mailDetail(challenge, matches, locale));
        });
        log.info("Challenge {} published in domain {}: {} of {} solutions matched, {} suppliers alerted", challengeId, domain,
                alerts.values().stream().mapToInt(List::size).sum(), candidates.size(), alerts.size());
        return alerts.size();
    }

    private boolean alreadyAlerted(UUID challengeId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM solution_alert WHERE challenge_id = ?", Integer.class, challengeId);
        return n != null && n > 0;
    }

    /** The matches of this supplier's own solutions, newest first. */
    public List<Alert> ofSupplier(String supplierGroup) {
        return jdbc.query("SELECT challenge_id, solution_id, supplier_group, match_score, rule_ids, created_at FROM solution_alert"
                + " WHERE supplier_group = ? ORDER BY created_at DESC, match_score DESC LIMIT 100",
                (rs, i) -> new Alert(rs.getObject("challenge_id", UUID.class), rs.getObject("solution_id", UUID.class),
                        rs.getString("supplier_group"), rs.getBigDecimal("match_score").doubleValue(),
                        Arrays.asList(rs.getString("rule_ids").split(",")), rs.getTimestamp("created_at").toInstant()),
                supplierGroup);
    }

    /** Why a solution matches a challenge, one sentence per matched row, in the reader's language. */
    public List<String> reasons(List<String> ruleIds, Solution solution, Challenges.ChallengeView challenge, Locale locale) {
        Object[] args = {solution.indicativeCost(), challenge.budgetCap(),
                messages.getMessage("market.route." + solution.procurementRoute(), null, solution.procurementRoute(), locale),
                messages.getMessage("market.domain." + solution.domain(), null, solution.domain(), locale)};
        List<String> reasons = new ArrayList<>();
        for (String rule : ruleIds) {
            reasons.add(messages.getMessage("market.alert.reason." + rule, args, rule, locale));
        }
        return reasons;
    }

    private String mailDetail(Challenges.ChallengeView challenge, List<SolutionMatch> matches, Locale locale) {
        Map<UUID, Solution> byId = solutions.findAllById(matches.stream().map(m -> UUID.fromString(m.solution().solutionId())).toList())
                .stream().collect(Collectors.toMap(Solution::id, s -> s));
        StringBuilder text = new StringBuilder();
        for (SolutionMatch m : matches) {
            Solution solution = byId.get(UUID.fromString(m.solution().solutionId()));
            text.append(messages.getMessage("market.alert.solution", new Object[] {solution.name(), Math.round(m.matchScore())},
                    locale)).append('\n');
            for (String reason : reasons(m.matchedRuleIds(), solution, challenge, locale)) {
                text.append("  - ").append(reason).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** The catalogue domain the text names most often (by its name in en, nl or fr, or its id); {@code other} if none. */
    String domainOf(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        String best = "other";
        int bestCount = 0;
        for (String domain : MarketplaceVocabulary.DOMAINS) {
            if (domain.equals("other")) {
                continue;
            }
            int count = 0;
            List<String> names = new ArrayList<>();
            names.add(domain.replace('-', ' '));
            for (Locale language : LANGUAGES) {
                names.add(messages.getMessage("market.domain." + domain, null, domain, language).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ").trim());
            }
            for (String name : names.stream().distinct().toList()) {
                count += occurrences(lower, " " + name + " ");
            }
            if (count > bestCount) {
                best = domain;
                bestCount = count;
            }
        }
        return best;
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }

}

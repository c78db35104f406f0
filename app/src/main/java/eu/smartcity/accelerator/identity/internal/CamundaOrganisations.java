package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Organisations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Organisations are Camunda groups. Their names are kept for {@code accelerator.identity.organisation-names-ttl}
 * (settings.md) per node: every user task created names its challenge's city (Tasklist's task names), a juror's
 * declaration names the twenty applications it opens for scoring, and each was a query of {@code ACT_ID_GROUP}
 * (issue 19, slice appvars). The portal never renames a group (it creates cities and companies under new ids); a name
 * changed in Camunda's Admin webapp or through the engine REST API shows on each node after the TTL at the latest, in
 * pages and in what is written meanwhile (task names, OCDS parties). Only names found are kept: a group created a moment
 * ago is never shown by its id for the TTL.
 */
@Component("organisations")
class CamundaOrganisations implements Organisations {

    /** More groups than this: the kept names are dropped all at once (a bound, not a policy; there are a few hundred). */
    static final int MAX_KEPT = 10_000;

    private record Named(String name, Instant until) {}

    private final IdentityService identity;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Named> names = new ConcurrentHashMap<>();

    @Autowired
    CamundaOrganisations(IdentityService identity, MessageSource messages, JdbcTemplate jdbc,
            @Value("${accelerator.identity.organisation-names-ttl:1m}") Duration ttl) {
        this(identity, messages, jdbc, Clock.systemUTC(), ttl);
    }

    CamundaOrganisations(IdentityService identity, MessageSource messages, JdbcTemplate jdbc, Clock clock, Duration ttl) {
        this.identity = identity;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<Boolean> legalEntity(String groupId) {
        return jdbc.query("SELECT legal_entity FROM organisation_profile WHERE group_id = ?",
                (rs, row) -> rs.getBoolean(1), groupId).stream().findFirst();
    }

    @Override
    public String nameOf(String groupId) {
        Instant now = clock.instant();
        Named kept = groupId == null ? null : names.get(groupId);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.name();
        }
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group == null || group.getName() == null) {
            return groupId;
        }
        if (!ttl.isZero() && !ttl.isNegative()) {
            if (names.size() >= MAX_KEPT) {
                names.clear();
            }
            names.put(groupId, new Named(group.getName(), now.plus(ttl)));
        }
        return group.getName();
    }

    @Override
    public String displayName(String groupId) {
        return displayName(groupId, LocaleContextHolder.getLocale());
    }

    @Override
    public String displayName(String groupId, java.util.Locale locale) {
        if (groupId == null || groupId.isBlank()) {
            return "";
        }
        String translated = messages.getMessage("organisation." + groupId, null, null, locale);
        return translated != null ? translated : nameOf(groupId);
    }
}

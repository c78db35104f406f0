package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.identity.Roles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A cycle's jury pool in {@code jury_pool_member} (retention class: PERSONAL_ACCOUNT: a place goes with the account). */
@Component
class JdbcJuryPool implements JuryPool {

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final People people;

    JdbcJuryPool(JdbcTemplate jdbc, IdentityService identity, People people) {
        this.jdbc = JdbcClient.create(jdbc);
        this.identity = identity;
        this.people = people;
    }

    @Override
    public List<Member> of(UUID cycleId) {
        Set<String> jurors = identity.createUserQuery().memberOfGroup(Roles.JURY).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).collect(Collectors.toSet());
        return jdbc.sql("SELECT user_id, languages, expertise FROM jury_pool_member WHERE cycle_id = ? ORDER BY added_at, user_id")
                .param(cycleId)
                .query((rs, row) -> new Member(cycleId, rs.getString(1), words(rs.getString(2)), List.copyOf(words(rs.getString(3)))))
                .list().stream()
                .filter(m -> jurors.contains(m.userId()) && !people.deactivated(m.userId()))
                .toList();
    }

    @Override
    public List<UUID> cyclesOf(String userId) {
        return jdbc.sql("SELECT cycle_id FROM jury_pool_member WHERE user_id = ?").param(userId).query(UUID.class).list();
    }

    @Override
    @Transactional
    public void add(UUID cycleId, String userId, Set<String> languages, List<String> expertise) {
        String langs = String.join(",", languages.stream().sorted().toList());
        String keywords = String.join(",", expertise);
        int updated = jdbc.sql("UPDATE jury_pool_member SET languages = ?, expertise = ? WHERE cycle_id = ? AND user_id = ?")
                .params(langs, keywords, cycleId, userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO jury_pool_member (cycle_id, user_id, languages, expertise, added_at) VALUES (?, ?, ?, ?, ?)")
                    .params(cycleId, userId, langs, keywords, Instant.now().atOffset(ZoneOffset.UTC)).update();
        }
    }

    @Override
    public List<String> drawOrder(UUID cycleId, Set<String> challengeLanguages, String challengeText) {
        List<Member> pool = of(cycleId);
        String text = challengeText == null ? "" : challengeText.toLowerCase(Locale.ROOT);
        Set<String> wanted = challengeLanguages.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        // List.sort is stable: equal members keep their pool order
        return pool.stream()
                .sorted(Comparator.comparing((Member m) -> m.languages().stream().noneMatch(wanted::contains))
                        .thenComparing(m -> -m.expertise().stream().filter(k -> text.contains(k.toLowerCase(Locale.ROOT))).count()))
                .map(Member::userId)
                .toList();
    }

    /** "en, nl" or "traffic,open data": trimmed, non-blank, in order, once each. */
    static Set<String> words(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public List<String> wholeJury() {
        return identity.createUserQuery().memberOfGroup(Roles.JURY).orderByUserId().asc().list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
    }
}

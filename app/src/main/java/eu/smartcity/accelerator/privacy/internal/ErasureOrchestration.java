package eu.smartcity.accelerator.privacy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.privacy.PersonalDataErasure;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person through every {@link PersonalDataHolder} in one transaction: the feature modules first (by
 * section, so the order is the same on every run), then the engine's share ({@value #ENGINE_SECTION}), then the
 * account itself ({@value #IDENTITY_SECTION}) — a holder may still need the account while it erases. The erasure
 * is recorded in {@code erasure_record} without the user id or the pseudonym.
 */
@Service
class ErasureOrchestration implements PersonalDataErasure {

    static final String IDENTITY_SECTION = "identity";
    static final String ENGINE_SECTION = "process-engine";
    /** Who decided when no person did (the inactive-accounts job). */
    static final String SYSTEM = "system";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<PersonalDataHolder> holders;
    private final People people;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ErasureOrchestration(List<PersonalDataHolder> holders, People people, JdbcTemplate jdbc) {
        this.holders = inErasureOrder(holders);
        this.people = people;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Feature modules by section, then the engine, then identity (which deletes the account). */
    static List<PersonalDataHolder> inErasureOrder(List<PersonalDataHolder> holders) {
        return holders.stream().sorted(Comparator.comparingInt((PersonalDataHolder h) -> switch (h.section()) {
            case ENGINE_SECTION -> 1;
            case IDENTITY_SECTION -> 2;
            default -> 0;
        }).thenComparing(PersonalDataHolder::section)).toList();
    }

    List<PersonalDataHolder> holders() {
        return holders;
    }

    @Override
    @Transactional
    public Map<String, Map<String, Integer>> erase(String userId, String grounds) {
        return erase(userId, grounds, SYSTEM).counts();
    }

    record Erasure(UUID recordId, Map<String, Map<String, Integer>> counts) {}

    /** As {@link #erase(String, String)}, naming who decided; returns the record's id with the counts. */
    @Transactional
    Erasure erase(String userId, String grounds, String decidedBy) {
        DataSubject subject = subject(userId).orElseGet(() -> new DataSubject(userId, null, List.of(), List.of(), pseudonym()));
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            counts.put(holder.section(), Map.copyOf(holder.erase(subject)));
        }
        UUID recordId = UUID.randomUUID();
        jdbc.sql("INSERT INTO erasure_record (id, erased_at, grounds, decided_by, counts_json) VALUES (?, ?, ?, ?, ?)")
                .params(recordId, Instant.now().atOffset(ZoneOffset.UTC), grounds, decidedBy, toJson(counts)).update();
        return new Erasure(recordId, counts);
    }

    /** Who the person is, from identity; empty when the account is gone already. Each call draws a new pseudonym. */
    Optional<DataSubject> subject(String userId) {
        return people.find(userId).map(p -> new DataSubject(p.userId(), p.email(),
                Stream.of(p.firstName(), p.lastName()).filter(n -> n != null && !n.isBlank()).toList(),
                p.organisation() == null ? List.of() : List.of(p.organisation()), pseudonym()));
    }

    static String pseudonym() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "erased-" + HexFormat.of().formatHex(bytes);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package eu.smartcity.accelerator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** The session wrapper reads a session once per request and writes its last access at most once a minute. */
class FrugalSessionRepositoryTest {

    /** A session store that counts its reads; it keeps copies, as a database does. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> stored = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            stored.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            MapSession found = stored.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            stored.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, MapSession> found = new HashMap<>();
            stored.forEach((id, s) -> {
                if (indexValue.equals(s.getAttribute(PRINCIPAL_NAME_INDEX_NAME))) {
                    found.put(id, new MapSession(s));
                }
            });
            return found;
        }
    }

    final CountingStore store = new CountingStore();
    final FrugalSessionRepository sessions = new FrugalSessionRepository(store);

    String storedSession(Instant lastAccess) {
        MapSession session = new MapSession();
        session.setLastAccessedTime(lastAccess);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "anna");
        store.save(session);
        return session.getId();
    }

    @Test
    void aRequestReadsItsSessionOnceAndEachRequestReadsItAnew() throws Exception {
        String id = storedSession(Instant.now());
        FrugalSessionRepository.readingOncePerRequest(() -> {
            FrugalSessionRepository.FrugalSession first = sessions.findById(id);
            assertThat(sessions.findById(id)).isSameAs(first);
        });
        assertThat(store.reads).hasValue(1);

        FrugalSessionRepository.readingOncePerRequest(() -> sessions.findById(id));
        sessions.findById(id); // outside a request (a clean-up job): always from the store
        assertThat(store.reads).hasValue(3);
    }

    @Test
    void aSessionDeletedInTheRequestIsNotAnsweredFromMemory() throws Exception {
        String id = storedSession(Instant.now());
        FrugalSessionRepository.readingOncePerRequest(() -> {
            sessions.findById(id);
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void theLastAccessIsWrittenOnlyWhenTheStoredOneIsAMinuteOld() {
        Instant stored = Instant.now().minusSeconds(30);
        String recent = storedSession(stored);
        FrugalSessionRepository.FrugalSession session = sessions.findById(recent);
        session.setLastAccessedTime(Instant.now());
        sessions.save(session);
        assertThat(store.stored.get(recent).getLastAccessedTime()).isEqualTo(stored);

        Instant old = Instant.now().minus(FrugalSessionRepository.LAST_ACCESS_GRANULARITY).minusSeconds(1);
        String idle = storedSession(old);
        Instant now = Instant.now();
        FrugalSessionRepository.FrugalSession again = sessions.findById(idle);
        again.setLastAccessedTime(now);
        sessions.save(again);
        assertThat(store.stored.get(idle).getLastAccessedTime()).isEqualTo(now);
        assertThat(FrugalSessionRepository.LAST_ACCESS_GRANULARITY).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void attributesAndUsersSessionsPassThrough() {
        String id = storedSession(Instant.now());
        FrugalSessionRepository.FrugalSession session = sessions.findById(id);
        session.setAttribute("lang", "nl");
        sessions.save(session);
        assertThat((String) store.stored.get(id).getAttribute("lang")).isEqualTo("nl");
        assertThat(sessions.findByPrincipalName("anna")).containsOnlyKeys(id);
    }
}

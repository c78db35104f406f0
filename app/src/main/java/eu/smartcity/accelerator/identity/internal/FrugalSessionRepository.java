package eu.smartcity.accelerator.identity.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC ({@code spring_session}) with two statements fewer per logged-in request (issue 19, the
 * deadline rush: 4.2 session statements per submission), around Spring Boot's own repository:
 * <ol>
 * <li><b>One read per request.</b> When a response is committed inside the filter chain (every redirect after a
 * form post), Spring Session's filter saves the session then, and again when the chain returns; the second time it
 * asks the repository for the requested session once more, only to compare its id. Within a request
 * ({@link #readingOncePerRequest}), a session this request already read is answered from memory.</li>
 * <li><b>The last access written at most once a minute.</b> Spring Session updates the session row (last access and
 * expiry) on every request. A request less than {@link #LAST_ACCESS_GRANULARITY} after the stored last access
 * leaves the row alone, so a session expires at most that much before 30 minutes after its last request
 * (docs/settings.md). Attribute changes are written as before, and a new session is written whole.</li>
 * </ol>
 * Nothing else changes: sessions still live in the database only (any node serves any user), and a user's sessions
 * are still found and deleted by principal name (erasure, deactivation).
 */
final class FrugalSessionRepository implements FindByIndexNameSessionRepository<FrugalSessionRepository.FrugalSession> {

    /** A request this soon after the stored last access does not write it again. */
    static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

    /** The sessions the current request has read, by id; null outside a request (scheduled clean-up, erasure jobs). */
    private static final ThreadLocal<Map<String, FrugalSession>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> sessions;

    @SuppressWarnings("unchecked")
    FrugalSessionRepository(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
    }

    /** The work of one request, with its sessions read once; nested dispatches (error pages) share the outer one's. */
    static void readingOncePerRequest(Work request) throws IOException, ServletException {
        if (READ_IN_THIS_REQUEST.get() != null) {
            request.run();
            return;
        }
        READ_IN_THIS_REQUEST.set(new HashMap<>(2));
        try {
            request.run();
        } finally {
            READ_IN_THIS_REQUEST.remove();
        }
    }

    /** A request's work (the rest of the filter chain). */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    @Override
    public FrugalSession createSession() {
        return new FrugalSession(sessions.createSession(), true);
    }

    @Override
    public void save(FrugalSession session) {
        sessions.save(session.stored);
    }

    @Override
    public FrugalSession findById(String id) {
        Map<String, FrugalSession> read = READ_IN_THIS_REQUEST.get();
        FrugalSession known = read == null ? null : read.get(id);
        if (known != null && known.getId().equals(id)) { // not after a change of id (login): that one is asked for anew
            return known;
        }
        Session found = sessions.findById(id);
        if (found == null) {
            return null;
        }
        FrugalSession session = new FrugalSession(found, false);
        if (read != null) {
            read.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, FrugalSession> read = READ_IN_THIS_REQUEST.get();
        if (read != null) {
            read.remove(id);
        }
        sessions.deleteById(id);
    }

    @Override
    public Map<String, FrugalSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, FrugalSession> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new FrugalSession(s, false)));
        return found;
    }

    /** The stored session, whose last access is only moved on when it is at least {@link #LAST_ACCESS_GRANULARITY} old. */
    static final class FrugalSession implements Session {

        private final Session stored;
        private final boolean created;

        FrugalSession(Session stored, boolean created) {
            this.stored = stored;
            this.created = created;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Instant known = stored.getLastAccessedTime();
            if (created || known == null || lastAccessedTime.isBefore(known)
                    || Duration.between(known, lastAccessedTime).compareTo(LAST_ACCESS_GRANULARITY) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}

package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Contacts;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Contacts from Camunda's identity store, the user's language from its user info (where {@link UserLanguageResolver} keeps it). */
@Component
class CamundaContacts implements Contacts {

    /**
     * A group's members with their language, in one query: the rows Camunda's user query ({@code memberOfGroup}) and
     * {@code getUserInfo} read from its database identity store, which took a query for the members and one per member
     * for the language, each an engine command of its own (issue 19: at every application's start in the deadline rush).
     */
    static final String MEMBERS_WITH_LANGUAGE = "SELECT u.ID_, u.FIRST_, u.EMAIL_, i.VALUE_ FROM ACT_ID_USER u "
            + "JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_ "
            + "LEFT JOIN ACT_ID_INFO i ON i.USER_ID_ = u.ID_ AND i.KEY_ = ? AND i.PARENT_ID_ IS NULL "
            + "WHERE m.GROUP_ID_ = ? ORDER BY u.ID_";

    /** {@link #MEMBERS_WITH_LANGUAGE} for many groups, each group's members by user id ({@link #readAhead}). */
    static final String MEMBERS_OF_GROUPS_WITH_LANGUAGE = "SELECT u.ID_, u.FIRST_, u.EMAIL_, i.VALUE_, m.GROUP_ID_ FROM ACT_ID_USER u "
            + "JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_ "
            + "LEFT JOIN ACT_ID_INFO i ON i.USER_ID_ = u.ID_ AND i.KEY_ = ? AND i.PARENT_ID_ IS NULL "
            + "WHERE m.GROUP_ID_ IN (%s) ORDER BY m.GROUP_ID_, u.ID_";

    /** Groups read ahead in one statement. */
    private static final int READ_AHEAD_AT_ONCE = 500;

    /** This bean's key for the groups read ahead in the current transaction (a map bound to it, unbound at its end). */
    private final Object readAheadKey = new Object();

    private final IdentityService identity;
    private final EngineAuthentication engine;
    private final JdbcTemplate jdbc;

    CamundaContacts(IdentityService identity, EngineAuthentication engine, JdbcTemplate jdbc) {
        this.identity = identity;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public List<Contact> ofGroup(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Contact>> ahead = (Map<String, List<Contact>>) TransactionSynchronizationManager.getResource(readAheadKey);
        List<Contact> read = ahead == null ? null : ahead.remove(groupId);
        if (read != null) {
            return List.copyOf(read);
        }
        return jdbc.query(MEMBERS_WITH_LANGUAGE, (rs, row) -> contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                UserLanguageResolver.USER_INFO_KEY, groupId);
    }

    @Override
    public void readAhead(Collection<String> groupIds) {
        List<String> groups = groupIds.stream().filter(g -> g != null && !g.isBlank()).distinct().toList();
        if (groups.size() < 2 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // one group: its own query is as cheap; no transaction: nothing would hold it
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Contact>> ahead = (Map<String, List<Contact>>) TransactionSynchronizationManager.getResource(readAheadKey);
        if (ahead == null) {
            Map<String, List<Contact>> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(readAheadKey, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(readAheadKey);
                }
            });
            ahead = bound;
        }
        for (int from = 0; from < groups.size(); from += READ_AHEAD_AT_ONCE) {
            List<String> some = groups.subList(from, Math.min(from + READ_AHEAD_AT_ONCE, groups.size()));
            Map<String, List<Contact>> members = new HashMap<>();
            some.forEach(g -> members.put(g, new ArrayList<>()));
            List<Object> arguments = new ArrayList<>();
            arguments.add(UserLanguageResolver.USER_INFO_KEY);
            arguments.addAll(some);
            jdbc.query(MEMBERS_OF_GROUPS_WITH_LANGUAGE.formatted(String.join(", ", java.util.Collections.nCopies(some.size(), "?"))),
                    rs -> {
                        members.get(rs.getString(5)).add(contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }, arguments.toArray());
            ahead.putAll(members);
        }
    }

    @Override
    public List<Contact> ofUser(String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        return engine.withoutAuthorizationChecks(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? List.<Contact>of() : List.of(contact(user));
        });
    }

    private Contact contact(User user) {
        return contact(user.getId(), user.getFirstName(), user.getEmail(), identity.getUserInfo(user.getId(), UserLanguageResolver.USER_INFO_KEY));
    }

    private static Contact contact(String userId, String firstName, String email, String language) {
        Locale supported = UserLanguageResolver.supported(language);
        return new Contact(userId, firstName, email, supported != null ? supported : Locale.ENGLISH);
    }
}

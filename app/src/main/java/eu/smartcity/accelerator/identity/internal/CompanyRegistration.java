package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Roles;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company registers itself and its first user: an organisation group {@code company-<slug>} and a
 * user in the {@code companies} role. Problems are returned per field (message codes), nothing is
 * created unless everything is valid, and organisation and user ids are unique.
 */
@Service
public class CompanyRegistration {

    public record Request(String organisationName, String userId, String firstName, String lastName, String email,
            String password, String passwordAgain) {}

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final IdentityService identity;

    CompanyRegistration(IdentityService identity) {
        this.identity = identity;
    }

    /** Registers, or returns the problems per field without creating anything. */
    @Transactional
    public Map<String, String> register(Request request) {
        Map<String, String> problems = check(request);
        if (!problems.isEmpty()) {
            return problems;
        }
        String groupId = organisationId(request.organisationName());
        Group group = identity.newGroup(groupId);
        group.setName(request.organisationName().strip());
        group.setType(Roles.ORGANISATION_TYPE);
        identity.saveGroup(group);
        IdentitySetup.createUser(identity, request.userId(), request.firstName().strip(), request.lastName().strip(),
                request.email().strip(), request.password(), List.of(Roles.COMPANIES, groupId));
        return problems;
    }

    Map<String, String> check(Request r) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = r.organisationName() == null ? "" : r.organisationName().strip();
        if (name.length() < 2 || name.length() > 120) {
            problems.put("organisationName", "register.error.organisationName");
        } else if (organisationId(name).length() <= "company-".length()) {
            problems.put("organisationName", "register.error.organisationName");
        } else if (identity.createGroupQuery().groupId(organisationId(name)).count() > 0) {
            problems.put("organisationName", "register.error.organisationTaken");
        }
        if (r.userId() == null || !r.userId().matches("[a-z0-9][a-z0-9-]{2,39}")) {
            problems.put("userId", "register.error.userId");
        } else if (identity.createUserQuery().userId(r.userId()).count() > 0) {
            problems.put("userId", "register.error.userTaken");
        }
        if (blankOrLong(r.firstName(), 60)) {
            problems.put("firstName", "register.error.name");
        }
        if (blankOrLong(r.lastName(), 60)) {
            problems.put("lastName", "register.error.name");
        }
        if (r.email() == null || r.email().strip().length() > 200 || !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.put("email", "register.error.email");
        }
        if (r.password() == null || r.password().length() < MIN_PASSWORD_LENGTH || r.password().length() > 128) {
            problems.put("password", "register.error.password");
        } else if (!r.password().equals(r.passwordAgain())) {
            problems.put("passwordAgain", "register.error.passwordAgain");
        }
        return problems;
    }

    /** "GreenGrid BV" becomes company-greengrid-bv: readable ids, as Camunda's resource whitelist expects. */
    public static String organisationId(String organisationName) {
        String ascii = Normalizer.normalize(organisationName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "company-" + (slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug);
    }

    private static boolean blankOrLong(String value, int max) {
        return value == null || value.isBlank() || value.strip().length() > max;
    }
}

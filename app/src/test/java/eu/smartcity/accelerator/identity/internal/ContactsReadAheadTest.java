package eu.smartcity.accelerator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.identity.Contacts;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19, slice announce: a step that mails many companies reads their members in one query ahead; each group's
 * next read in the same transaction answers from it, once, and nothing outlives the transaction.
 */
@AcceleratorTest
class ContactsReadAheadTest {

    @Autowired Contacts contacts;
    @Autowired IdentityService identity;
    @Autowired TransactionTemplate transactions;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String first = "company-ahead-a-" + suffix;
    final String second = "company-ahead-b-" + suffix;

    @BeforeEach
    void twoCompanies() {
        for (String group : List.of(first, second)) {
            Group g = identity.newGroup(group);
            g.setName(group);
            identity.saveGroup(g);
            User u = identity.newUser("u-" + group);
            u.setFirstName("Ann");
            u.setEmail("u-" + group + "@example.org");
            identity.saveUser(u);
            identity.createMembership(u.getId(), group);
        }
    }

    @AfterEach
    void remove() {
        for (String group : List.of(first, second)) {
            identity.deleteUser("u-" + group);
            identity.deleteGroup(group);
        }
    }

    @Test
    void aGroupReadAheadIsAnsweredFromTheReadOnceInItsTransaction() {
        transactions.executeWithoutResult(tx -> {
            contacts.readAhead(List.of(first, second));
            // a change after the read ahead is not seen by the next read of the group, but by the one after it
            identity.deleteMembership("u-" + first, first);
            assertThat(contacts.ofGroup(first)).extracting(Contacts.Contact::email).containsExactly("u-" + first + "@example.org");
            assertThat(contacts.ofGroup(first)).isEmpty();
            assertThat(contacts.ofGroup(second)).extracting(Contacts.Contact::userId).containsExactly("u-" + second);
        });
        // nothing is kept beyond the transaction
        identity.createMembership("u-" + first, first);
        transactions.executeWithoutResult(tx -> {
            contacts.readAhead(List.of(first, second));
            identity.deleteMembership("u-" + second, second);
        });
        assertThat(contacts.ofGroup(second)).isEmpty();
        assertThat(contacts.ofGroup(first)).extracting(Contacts.Contact::userId).containsExactly("u-" + first);
    }
}

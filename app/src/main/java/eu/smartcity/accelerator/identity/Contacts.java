package eu.smartcity.accelerator.identity;

import java.util.List;
import java.util.Locale;

/**
 * How to reach people: user, first name, e-mail address and language, from the single user store. Read whoever
 * asks (authorization checks off): the user whose action triggers a mail may not see the people to be told.
 */
public interface Contacts {

    record Contact(String userId, String firstName, String email, Locale locale) {}

    /** The members of an organisation or role group, by user id; none for no group. */
    List<Contact> ofGroup(String groupId);

    /**
     * Reads the members of these groups now, in one query per 500 groups, for the steps of this transaction that
     * mail each of them next: the next {@link #ofGroup} of each group in this transaction answers from it (once; a
     * later one reads again). For a step that tells many organisations at once (a challenge's applicants at the
     * eligibility check and at the selection's announcement), instead of one query per mail (issue 19, slice
     * announce). Nothing is kept beyond the transaction; outside one, nothing is read.
     */
    void readAhead(java.util.Collection<String> groupIds);

    /** The user, or none when there is no such user. */
    List<Contact> ofUser(String userId);
}

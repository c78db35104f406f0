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

    /** The user, or none when there is no such user. */
    List<Contact> ofUser(String userId);
}

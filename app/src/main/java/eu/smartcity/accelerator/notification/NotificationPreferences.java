package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.notification.internal.NotificationOptOut;
import eu.smartcity.accelerator.notification.internal.NotificationOptOutRepository;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which optional notifications a user gets (all by default); mandatory ones cannot be switched off. */
@Service
public class NotificationPreferences {

    private final NotificationOptOutRepository optOuts;

    NotificationPreferences(NotificationOptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    /** The kinds this user gets: every mandatory kind and the optional ones not switched off. */
    @Transactional(readOnly = true)
    public Set<NotificationKind> wanted(String userId) {
        Set<NotificationKind> wanted = EnumSet.allOf(NotificationKind.class);
        optOuts.ofUser(userId).forEach(o -> wanted.remove(o.kind()));
        return wanted;
    }

    /** Saves the user's choice: the optional kinds they want; the other optional kinds are switched off. */
    @Transactional
    public void choose(String userId, Set<NotificationKind> wantedOptional) {
        optOuts.deleteOfUser(userId);
        optOuts.flush();
        Arrays.stream(NotificationKind.values())
                .filter(k -> k.optional() && !wantedOptional.contains(k))
                .forEach(k -> optOuts.save(new NotificationOptOut(userId, k)));
    }
}

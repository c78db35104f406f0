package eu.smartcity.accelerator.shared;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns (a random UUID) is new until it was stored or loaded: Spring Data then
 * inserts it straight away instead of selecting it first to tell an insert from a merge (one statement saved per
 * insert on hot paths: submissions, notifications, jury marks, decision records).
 */
@MappedSuperclass
public abstract class NewUntilStored implements Persistable<UUID> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}

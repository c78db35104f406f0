package eu.smartcity.accelerator.privacy.internal;

import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.privacy.ErasureRequestFacts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link ErasureRequestFacts} from the request's row and the account it names. */
@Component
class JdbcErasureRequestFacts implements ErasureRequestFacts {

    private final ErasureRequests requests;
    private final People people;

    JdbcErasureRequestFacts(ErasureRequests requests, People people) {
        this.requests = requests;
        this.people = people;
    }

    @Override
    public Optional<Facts> of(UUID requestId) {
        return requests.get(requestId).map(request -> {
            Optional<People.Person> person = Optional.ofNullable(request.userId()).flatMap(people::find);
            String name = person.map(p -> (p.firstName() + " " + p.lastName()).strip() + " (" + p.userId() + ")")
                    .orElse(request.userId());
            return new Facts(request.id(), request.title(), name, person.map(People.Person::email).orElse(null),
                    request.requestedAt(), request.dueAt(), request.reason());
        });
    }
}

package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.shared.IsoDurations;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/** For BPMN due dates: {@code camunda:dueDate="${dueDates.after(juryWindow)}"} with an ISO-8601 duration. */
@Component("dueDates")
public class DueDates {

    private final Clock clock = Clock.systemUTC();

    public Date after(String isoDuration) {
        return Date.from(clock.instant().plus(IsoDurations.parse(isoDuration)));
    }
}

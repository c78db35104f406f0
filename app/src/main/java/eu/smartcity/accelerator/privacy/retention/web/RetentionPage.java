package eu.smartcity.accelerator.privacy.retention.web;

import eu.smartcity.accelerator.privacy.inactivity.InactivitySettings;
import eu.smartcity.accelerator.privacy.retention.RetentionJob;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Coordinators (and the data protection officer through them) see the periods in force and the last retention runs. */
@Controller
class RetentionPage {

    private static final int RUNS_SHOWN = 30;

    private final RetentionJob job;
    private final RetentionPeriods periods;
    private final InactivitySettings inactivity;

    RetentionPage(RetentionJob job, RetentionPeriods periods, InactivitySettings inactivity) {
        this.job = job;
        this.periods = periods;
        this.inactivity = inactivity;
    }

    @GetMapping("/coordinator/retention")
    String show(Model model) {
        Map<String, Long> days = new LinkedHashMap<>();
        Arrays.stream(RetentionClass.values()).forEach(c -> periods.of(c).ifPresent(d -> days.put(c.name(), d.toDays())));
        model.addAttribute("periodDays", days);
        model.addAttribute("warnAfterDays", inactivity.warnAfter().toDays());
        model.addAttribute("deactivateAfterDays", inactivity.deactivateAfter().toDays());
        model.addAttribute("eraseAfterDays", inactivity.eraseAfter().toDays());
        model.addAttribute("runs", job.lastRuns(RUNS_SHOWN));
        return "privacy/retention";
    }
}

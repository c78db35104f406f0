package eu.smartcity.accelerator.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public outcome view: per cycle and per city, calls → applications → selections → pilots → verdicts → replications. */
@Controller
class OutcomesPage {

    private final ProgrammeFigures figures;

    OutcomesPage(ProgrammeFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/outcomes")
    String outcomes(Model model) {
        model.addAttribute("outcomes", figures.outcomes().stream().filter(o -> !o.cities().isEmpty()).toList());
        return "dashboard/outcomes";
    }
}

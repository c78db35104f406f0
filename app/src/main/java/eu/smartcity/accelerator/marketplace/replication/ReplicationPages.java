package eu.smartcity.accelerator.marketplace.replication;

import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.web.MarketplaceForms;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A city asking to replicate an implementation it saw on a solution's page. */
@Controller
class ReplicationPages {

    private final Catalogue catalogue;
    private final ReplicationStarter replications;

    ReplicationPages(Catalogue catalogue, ReplicationStarter replications) {
        this.catalogue = catalogue;
        this.replications = replications;
    }

    @PostMapping("/marketplace/city/implementations/{id}/replicate")
    String replicate(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = MarketplaceForms.ownCity(user);
        UUID solutionId = catalogue.implementation(id).orElseThrow(() -> new NotFoundException("implementation " + id)).solutionId();
        if (!"true".equals(confirmed)) {
            // starts a process that asks the supplier and leads to a contract: the first click only asks
            redirect.addFlashAttribute("confirmReplicate", id);
            return "redirect:/marketplace/solutions/" + solutionId;
        }
        try {
            replications.start(id, city, user.userId());
            redirect.addFlashAttribute("notice", "market.replicate.started");
        } catch (FrameworkContracts.JoinNotPossibleException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/marketplace/solutions/" + solutionId;
    }
}

package eu.smartcity.accelerator.notification.web;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationDispatcher.Delivery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators see every mail not delivered yet: failing and retried (attempts, the problem in words, the next
 * attempt), given up (sent again with a button), and how many wait for their first attempt.
 */
@Controller
class UndeliveredNotificationsPage {

    private final NotificationDispatcher dispatcher;

    UndeliveredNotificationsPage(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @GetMapping("/coordinator/notifications")
    String show(Model model) {
        model.addAttribute("counts", dispatcher.undeliveredCounts());
        List<NotificationDispatcher.Undelivered> retrying = dispatcher.undelivered(Delivery.RETRYING);
        model.addAttribute("retrying", retrying);
        // an outage fails every mail the same way: say it once, with how many it hits
        model.addAttribute("retryingProblems", retrying.stream().collect(Collectors.groupingBy(
                NotificationDispatcher.Undelivered::problem, LinkedHashMap::new, Collectors.counting())));
        model.addAttribute("givenUp", dispatcher.undelivered(Delivery.GIVEN_UP));
        model.addAttribute("waiting", dispatcher.undelivered(Delivery.WAITING));
        return "notification/undelivered";
    }

    @PostMapping("/coordinator/notifications/{id}/retry")
    String retry(@PathVariable UUID id, @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"true".equals(confirmed)) {
            // a mail sent cannot be called back: the first click only asks, on the mail's own row
            redirect.addFlashAttribute("confirmRetry", id);
            return "redirect:/coordinator/notifications";
        }
        redirect.addFlashAttribute(dispatcher.retry(id, Instant.now()) ? "retried" : "notRetried", true);
        return "redirect:/coordinator/notifications";
    }
}

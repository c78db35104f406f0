package eu.smartcity.accelerator.notification.web;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators see mails that could not be delivered (with the SMTP error) and send given-up ones again. */
@Controller
class UndeliveredNotificationsPage {

    private final NotificationDispatcher dispatcher;

    UndeliveredNotificationsPage(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @GetMapping("/coordinator/notifications")
    String show(Model model) {
        model.addAttribute("undelivered", dispatcher.undelivered());
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

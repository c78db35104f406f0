package eu.smartcity.accelerator.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Home and login pages. */
@Controller
class PortalController {

    @GetMapping("/")
    String home() {
        return "portal/home";
    }

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }
}

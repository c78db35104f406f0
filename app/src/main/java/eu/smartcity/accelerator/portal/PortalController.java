package eu.smartcity.accelerator.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the home page is {@link HomePage}). */
@Controller
class PortalController {

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }
}

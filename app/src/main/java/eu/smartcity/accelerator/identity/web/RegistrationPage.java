package eu.smartcity.accelerator.identity.web;

import eu.smartcity.accelerator.identity.internal.CompanyRegistration;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A company registers itself (public page); then logs in and applies. Passwords are never sent back. */
@Controller
class RegistrationPage {

    private final CompanyRegistration registration;

    RegistrationPage(CompanyRegistration registration) {
        this.registration = registration;
    }

    /** Form fields, kept as typed when the form comes back (except the passwords). */
    public static class Form {
        private String organisationName = "";
        private String userId = "";
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private String password = "";
        private String passwordAgain = "";

        public String getOrganisationName() { return organisationName; }
        public void setOrganisationName(String v) { organisationName = v; }
        public String getUserId() { return userId; }
        public void setUserId(String v) { userId = v; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { lastName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getPasswordAgain() { return passwordAgain; }
        public void setPasswordAgain(String v) { passwordAgain = v; }
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new Form());
        model.addAttribute("problems", Map.of());
        return "portal/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") Form form, Model model) {
        Map<String, String> problems = registration.register(new CompanyRegistration.Request(form.getOrganisationName(),
                form.getUserId(), form.getFirstName(), form.getLastName(), form.getEmail(), form.getPassword(),
                form.getPasswordAgain()));
        if (!problems.isEmpty()) {
            form.setPassword("");
            form.setPasswordAgain("");
            model.addAttribute("problems", problems);
            return "portal/register";
        }
        return "redirect:/login?registered";
    }
}

package eu.smartcity.accelerator.identity.web;

import eu.smartcity.accelerator.identity.internal.CompanyRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A company registers itself (public pages): the form, then "check your mail" whatever the user name or
 * address (so the page never tells whether they exist), then the mailed link where the password is chosen.
 * Passwords are never sent back.
 */
@Controller
class RegistrationPage {

    private final CompanyRegistration registration;

    RegistrationPage(CompanyRegistration registration) {
        this.registration = registration;
    }

    /** Form fields, kept as typed when the form comes back. */
    public static class Form {
        private String organisationName = "";
        private String userId = "";
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private Boolean legalEntity;
        private String registrationNumber = "";

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
        public Boolean getLegalEntity() { return legalEntity; }
        public void setLegalEntity(Boolean v) { legalEntity = v; }
        public String getRegistrationNumber() { return registrationNumber; }
        public void setRegistrationNumber(String v) { registrationNumber = v; }
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new Form());
        model.addAttribute("problems", Map.of());
        return "portal/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") Form form, Model model, Locale locale, HttpServletRequest request) {
        Map<String, String> problems = registration.request(new CompanyRegistration.Request(form.getOrganisationName(),
                form.getUserId(), form.getFirstName(), form.getLastName(), form.getEmail(), form.getLegalEntity(),
                form.getRegistrationNumber()), locale, request.getRemoteAddr());
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "portal/register";
        }
        return "redirect:/register?sent";
    }

    @GetMapping("/register/confirm")
    String confirmForm(@RequestParam(name = "token", required = false) String token, Model model) {
        Optional<CompanyRegistration.Pending> pending = registration.pending(token);
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("token", pending.isPresent() ? token : "");
        model.addAttribute("problems", pending.isPresent() ? Map.of() : Map.of(CompanyRegistration.FORM, "register.confirm.invalid"));
        return "portal/register-confirm";
    }

    @PostMapping("/register/confirm")
    String confirm(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "passwordAgain", required = false) String passwordAgain, Model model) {
        Optional<CompanyRegistration.Pending> pending = registration.pending(token);
        Map<String, String> problems = pending.isPresent() ? registration.confirm(token, password, passwordAgain)
                : Map.of(CompanyRegistration.FORM, "register.confirm.invalid");
        if (problems.isEmpty()) {
            return "redirect:/login?registered";
        }
        boolean linkStillValid = !problems.containsKey(CompanyRegistration.FORM);
        model.addAttribute("pending", linkStillValid ? pending.get() : null);
        model.addAttribute("token", linkStillValid ? token : "");
        model.addAttribute("problems", problems);
        return "portal/register-confirm";
    }
}

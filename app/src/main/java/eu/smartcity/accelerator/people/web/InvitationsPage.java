package eu.smartcity.accelerator.people.web;

import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.Invitations;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators invite city officers and jury members, see every invitation with its status (resend, revoke) and
 * the jury pool of a cycle (what its challenges' juries are drawn from).
 */
@Controller
class InvitationsPage {

    private final Invitations invitations;
    private final JuryPool pool;
    private final People people;
    private final Cycles cycles;

    InvitationsPage(Invitations invitations, JuryPool pool, People people, Cycles cycles) {
        this.invitations = invitations;
        this.pool = pool;
        this.people = people;
        this.cycles = cycles;
    }

    /** Form fields, kept as typed when the form comes back. */
    public static class Form {
        private String role = Invitations.JURY;
        private String email = "";
        private String language = "en";
        private String cityGroup = "";
        private UUID cycleId;
        private List<String> languages = List.of();
        private String expertise = "";

        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public String getCityGroup() { return cityGroup; }
        public void setCityGroup(String v) { cityGroup = v; }
        public UUID getCycleId() { return cycleId; }
        public void setCycleId(UUID v) { cycleId = v; }
        public List<String> getLanguages() { return languages; }
        public void setLanguages(List<String> v) { languages = v == null ? List.of() : v; }
        public String getExpertise() { return expertise; }
        public void setExpertise(String v) { expertise = v; }
    }

    @GetMapping("/coordinator/invitations")
    String show(@RequestParam(name = "cycle", required = false) UUID cycle, Model model) {
        Form form = new Form();
        form.setCycleId(cycle);
        return page(form, Map.of(), model);
    }

    @PostMapping("/coordinator/invitations")
    String invite(Form form, Principal coordinator, Model model, RedirectAttributes redirect) {
        if (Invitations.JURY.equals(form.getRole()) && form.getCycleId() != null
                && cycles.all().stream().noneMatch(c -> c.id().equals(form.getCycleId()))) {
            form.setCycleId(null); // identity does not know cycles: an unknown one is no cycle
        }
        Map<String, String> problems = invitations.invite(new Invitations.Request(form.getRole(), form.getEmail(),
                Locale.forLanguageTag(form.getLanguage() == null ? "en" : form.getLanguage()), blankToNull(form.getCityGroup()),
                form.getCycleId(), cycleName(form.getCycleId()), new HashSet<>(form.getLanguages()), form.getExpertise()),
                coordinator.getName());
        if (!problems.isEmpty()) {
            return page(form, problems, model);
        }
        redirect.addFlashAttribute("sent", form.getEmail().strip());
        return "redirect:/coordinator/invitations" + (form.getCycleId() == null ? "" : "?cycle=" + form.getCycleId());
    }

    @PostMapping("/coordinator/invitations/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID cycle = invitations.all().stream().filter(i -> i.id().equals(id)).map(Invitations.Invitation::cycleId)
                .filter(c -> c != null).findFirst().orElse(null);
        Map<String, String> problems = invitations.resend(id, cycleName(cycle));
        redirect.addFlashAttribute(problems.isEmpty() ? "resent" : "problem", problems.isEmpty() ? true : problems.get(Invitations.FORM));
        return "redirect:/coordinator/invitations";
    }

    @PostMapping("/coordinator/invitations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        invitations.revoke(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/coordinator/invitations";
    }

    private String page(Form form, Map<String, String> problems, Model model) {
        List<Cycles.CycleView> all = cycles.all();
        UUID shown = form.getCycleId() != null ? form.getCycleId()
                : all.stream().filter(c -> "OPEN".equals(c.status())).map(Cycles.CycleView::id).findFirst().orElse(null);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("cycles", all);
        model.addAttribute("cities", people.cities());
        model.addAttribute("invitations", invitations.all());
        model.addAttribute("now", invitations.now());
        model.addAttribute("shownCycle", shown == null ? null : all.stream().filter(c -> c.id().equals(shown)).findFirst().orElse(null));
        model.addAttribute("pool", shown == null ? List.of() : pool.of(shown));
        model.addAttribute("cycleNames", all.stream().collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name())));
        model.addAttribute("languageChoices", List.of("en", "nl", "fr"));
        return "people/invitations";
    }

    private String cycleName(UUID cycleId) {
        return cycleId == null ? "" : cycles.all().stream().filter(c -> c.id().equals(cycleId)).map(Cycles.CycleView::name)
                .findFirst().orElse("");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

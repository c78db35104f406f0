package eu.smartcity.accelerator.people.web;

import eu.smartcity.accelerator.identity.People;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators see everyone by organisation and role, and give or take a role, move an officer to another city,
 * deactivate or reactivate an account. The checks are {@link People}'s (a coordinator keeps their own role).
 */
@Controller
class PeoplePage {

    private final People people;

    PeoplePage(People people) {
        this.people = people;
    }

    @GetMapping("/coordinator/people")
    String show(Model model) {
        Map<String, List<People.Person>> byOrganisation = people.all().stream().collect(Collectors.groupingBy(
                p -> p.organisation() == null ? "" : p.organisation(), LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("byOrganisation", byOrganisation);
        model.addAttribute("roles", People.MANAGED_ROLES);
        model.addAttribute("cities", people.cities());
        return "people/people";
    }

    @PostMapping("/coordinator/people/cities")
    String addCity(@RequestParam(required = false) String name, Principal coordinator, RedirectAttributes redirect) {
        Optional<String> problem = people.addCity(coordinator.getName(), name);
        problem.ifPresentOrElse(p -> redirect.addFlashAttribute("problem", p), () -> redirect.addFlashAttribute("cityAdded", name.strip()));
        return "redirect:/coordinator/people";
    }

    @PostMapping("/coordinator/people/{userId}/roles")
    String role(@PathVariable String userId, @RequestParam String role, @RequestParam(defaultValue = "add") String action,
            Principal coordinator, RedirectAttributes redirect) {
        return done(userId, "remove".equals(action) ? people.removeRole(coordinator.getName(), userId, role)
                : people.addRole(coordinator.getName(), userId, role), redirect);
    }

    @PostMapping("/coordinator/people/{userId}/city")
    String city(@PathVariable String userId, @RequestParam(required = false) String cityGroup, Principal coordinator,
            RedirectAttributes redirect) {
        return done(userId, people.moveToCity(coordinator.getName(), userId, cityGroup), redirect);
    }

    @PostMapping("/coordinator/people/{userId}/active")
    String active(@PathVariable String userId, @RequestParam(defaultValue = "false") boolean active, Principal coordinator,
            RedirectAttributes redirect) {
        return done(userId, people.setActive(coordinator.getName(), userId, active), redirect);
    }

    private static String done(String userId, Optional<String> problem, RedirectAttributes redirect) {
        redirect.addFlashAttribute("changedUser", userId);
        problem.ifPresentOrElse(p -> redirect.addFlashAttribute("problem", p), () -> redirect.addFlashAttribute("changed", true));
        return "redirect:/coordinator/people";
    }
}

package eu.smartcity.accelerator.identity.web;

import eu.smartcity.accelerator.identity.Invitations;
import eu.smartcity.accelerator.identity.Invitations.Invitation;
import eu.smartcity.accelerator.identity.Organisations;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link of an invitation mail (public, bound to its token): the invitee chooses a user name, a name and a
 * password; who already has an account with that address logs in and takes the role on {@code /invitation/join}.
 * Dead links count against the client address, as registration requests do.
 */
@Controller
class InvitationAcceptancePage {

    private final Invitations invitations;
    private final Organisations organisations;

    InvitationAcceptancePage(Invitations invitations, Organisations organisations) {
        this.invitations = invitations;
        this.organisations = organisations;
    }

    @GetMapping("/invitation")
    String form(@RequestParam(name = "token", required = false) String token, Model model, HttpServletRequest request) {
        return page(token, Map.of(), null, model, request);
    }

    @PostMapping("/invitation")
    String accept(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "userId", required = false) String userId,
            @RequestParam(name = "firstName", required = false) String firstName,
            @RequestParam(name = "lastName", required = false) String lastName,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "passwordAgain", required = false) String passwordAgain, Model model, HttpServletRequest request) {
        if (invitations.blocked(request.getRemoteAddr())) {
            return page(null, Map.of(Invitations.FORM, "invitation.error.wait"), null, model, request);
        }
        Map<String, String> problems = invitations.open(token).isEmpty() ? Map.of(Invitations.FORM, "invitation.invalid")
                : invitations.accept(token, userId, firstName, lastName, password, passwordAgain);
        if (problems.isEmpty()) {
            return "redirect:/login?registered";
        }
        model.addAttribute("userId", userId == null ? "" : userId);
        model.addAttribute("firstName", firstName == null ? "" : firstName);
        model.addAttribute("lastName", lastName == null ? "" : lastName);
        return page(token, problems, null, model, request);
    }

    @GetMapping("/invitation/join")
    String joinForm(@RequestParam(name = "token", required = false) String token, Principal user, Model model,
            HttpServletRequest request) {
        return page(token, Map.of(), user.getName(), model, request);
    }

    /** The role is added to the account; the session ends so that the next login carries it. */
    @PostMapping("/invitation/join")
    String join(@RequestParam(name = "token", required = false) String token, Principal user, Model model,
            HttpServletRequest request) throws jakarta.servlet.ServletException {
        Map<String, String> problems = invitations.join(token, user.getName());
        if (problems.isEmpty()) {
            request.logout();
            return "redirect:/login?joined";
        }
        return page(token, problems, user.getName(), model, request);
    }

    private String page(String token, Map<String, String> problems, String loggedIn, Model model, HttpServletRequest request) {
        Optional<Invitation> invitation = invitations.open(token);
        if (invitation.isEmpty() && token != null) {
            invitations.deadLinkFrom(request.getRemoteAddr());
        }
        model.addAttribute("invitation", invitation.orElse(null));
        model.addAttribute("token", invitation.isPresent() ? token : "");
        model.addAttribute("account", invitation.flatMap(invitations::accountOf).orElse(null));
        model.addAttribute("loggedIn", loggedIn);
        model.addAttribute("city", invitation.map(i -> i.cityGroup() == null ? "" : organisations.displayName(i.cityGroup())).orElse(""));
        model.addAttribute("problems", invitation.isEmpty() && problems.isEmpty() ? Map.of(Invitations.FORM, "invitation.invalid") : problems);
        model.asMap().putIfAbsent("userId", "");
        model.asMap().putIfAbsent("firstName", "");
        model.asMap().putIfAbsent("lastName", "");
        return "portal/invitation";
    }
}

package eu.smartcity.accelerator.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is logged in and for which organisation they act (their organisation group). */
public record CurrentUser(String userId, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(String role) {
        return groups.contains(role);
    }

    /** The company this user acts for ({@code company-…}), if any. */
    public Optional<String> company() {
        return groups.stream().filter(g -> g.startsWith("company-")).findFirst();
    }

    /** The city this user acts for ({@code city-…}), if any; the role group {@code city-officers} is not a city. */
    public Optional<String> city() {
        return groups.stream().filter(g -> g.startsWith("city-") && !g.equals(Roles.CITY_OFFICERS)).findFirst();
    }
}

package eu.smartcity.accelerator.portal;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.shared.DataChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The visitors' page cache ({@link AnonymousPageCache}) in front of Spring Security: which pages
 * ({@code accelerator.portal.page-cache.paths}), how long a copy may live at most ({@code max-age}: the bound for a
 * change written by another node, which this node's {@link DataChanges} cannot see) and how much memory the copies may
 * take. {@code accelerator.portal.page-cache.enabled=false} switches it off (every page rendered, as before).
 */
@Configuration(proxyBeanMethods = false)
class PublicPages {

    @Bean
    FilterRegistrationBean<AnonymousPageCache> anonymousPageCache(DataChanges changes,
            org.springframework.beans.factory.ObjectProvider<eu.smartcity.accelerator.shared.PageCacheHits> hitListeners,
            LocaleResolver localeResolver,
            Challenges challenges, @Value("${accelerator.portal.page-cache.enabled:true}") boolean enabled,
            @Value("${accelerator.portal.page-cache.paths:/,/challenges,/marketplace}") List<String> paths,
            @Value("${accelerator.portal.page-cache.max-age:PT10S}") Duration maxAge,
            @Value("${accelerator.portal.page-cache.max-bytes:33554432}") long maxBytes) {
        AnonymousPageCache cache = new AnonymousPageCache(changes, hitListeners.orderedStream().toList(), localeResolver, now -> nextChange(challenges, now),
                Clock.systemUTC(), java.util.Set.copyOf(paths), maxAge, maxBytes);
        FilterRegistrationBean<AnonymousPageCache> registration = new FilterRegistrationBean<>(cache);
        // before Spring Security (a copy is served without it; its headers were recorded when it was rendered),
        // after Spring Session's filter
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setEnabled(enabled);
        return registration;
    }

    /**
     * The next moment a public page changes by the clock alone: an open call closes (it leaves the open calls), or its
     * countdown on the home page steps (days while two or more are left, then hours, then "soon"; {@code HomePage}).
     */
    static Instant nextChange(Challenges challenges, Instant now) {
        Instant next = Instant.MAX;
        for (Challenges.ChallengeView c : challenges.published()) {
            if (c.callClosesAt() != null && now.isBefore(c.callClosesAt())) {
                Instant step = countdownStep(now, c.callClosesAt());
                next = step.isBefore(next) ? step : next;
            }
        }
        return next;
    }

    /** When the countdown to {@code closesAt} shows its next value (or the call closes). */
    static Instant countdownStep(Instant now, Instant closesAt) {
        Duration left = Duration.between(now, closesAt);
        Duration unit = left.toDays() >= 2 ? Duration.ofDays(1) : left.toHours() >= 1 ? Duration.ofHours(1) : null;
        if (unit == null) {
            return closesAt;
        }
        long whole = left.dividedBy(unit); // the shown number changes when fewer than `whole` units are left
        return closesAt.minus(unit.multipliedBy(whole));
    }
}

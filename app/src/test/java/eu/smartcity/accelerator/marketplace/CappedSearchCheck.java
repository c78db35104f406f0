package eu.smartcity.accelerator.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The bounded search (CatalogueSearch reads at most cap + 1 matches per statement), checked the same way on H2
 * ({@link MarketplaceTest}) and PostgreSQL ({@link MarketplaceSearchPostgresIT}) over the demo catalogue: a small cap
 * makes the common word "sensor" exceed it.
 */
final class CappedSearchCheck {

    static void check(DataSource dataSource) {
        CatalogueSearch exact = new CatalogueSearch(dataSource, 1_000_000);
        CatalogueSearch capped = new CatalogueSearch(dataSource, 3);
        CatalogueSearch.Query sensor = new CatalogueSearch.Query("sensor", null, null, null, 0, 200);

        CatalogueSearch.Result all = exact.search(sensor);
        assertThat(all.total()).isGreaterThan(4);
        assertThat(all.totalCapped()).isFalse();
        assertThat(all.facetsCapped()).isFalse();

        CatalogueSearch.Result few = capped.search(sensor);
        // the total stops at the cap and says so ("3+"); the page holds the best of the first matches only
        assertThat(few.total()).isEqualTo(3);
        assertThat(few.totalCapped()).isTrue();
        assertThat(few.cap()).isEqualTo(3);
        assertThat(few.hits()).hasSize(3).allMatch(h -> all.hits().stream().anyMatch(a -> a.id().equals(h.id())));
        // facet counts are lower bounds: counted over cap + 1 matches, never more than the exact counts
        assertThat(few.facetsCapped()).isTrue();
        assertLowerBounds(few.domains(), all.domains());
        assertLowerBounds(few.priceModels(), all.priceModels());
        assertThat(few.domains().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);

        // paging stops at the cap: page size 2 gives 2 pages, the second with the one remaining hit
        CatalogueSearch.Result second = capped.search(new CatalogueSearch.Query("sensor", null, null, null, 1, 2));
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.hits()).hasSize(1);
        // a page past the matches is empty but still knows the (capped) total
        CatalogueSearch.Result past = capped.search(new CatalogueSearch.Query("sensor", null, null, null, 5, 2));
        assertThat(past.hits()).isEmpty();
        assertThat(past.total()).isEqualTo(3);
        assertThat(past.totalCapped()).isTrue();

        // below the cap nothing changes: a narrow query is exact, and the same as without a cap
        String domain = all.hits().get(0).domain();
        CatalogueSearch.Query narrow = new CatalogueSearch.Query("sensor " + all.hits().get(0).name(), domain, null, null, 0, 50);
        CatalogueSearch.Result narrowExact = exact.search(narrow);
        CatalogueSearch.Result narrowCapped = new CatalogueSearch(dataSource, 50).search(narrow);
        assertThat(narrowCapped.totalCapped()).isFalse();
        assertThat(narrowCapped.total()).isEqualTo(narrowExact.total()).isPositive();
        assertThat(narrowCapped.hits()).isEqualTo(narrowExact.hits());
        assertThat(narrowCapped.domains()).isEqualTo(narrowExact.domains());

        // every combination of filters runs (on PostgreSQL each has its own statement shape)
        CatalogueSearch.Hit first = all.hits().get(0);
        for (String d : new String[] {null, first.domain()}) {
            for (String p : new String[] {null, first.priceModel()}) {
                CatalogueSearch.Result r = exact.search(new CatalogueSearch.Query("sensor", d, p, null, 0, 2));
                assertThat(r.hits()).isNotEmpty().allMatch(h -> (d == null || h.domain().equals(d)) && (p == null || h.priceModel().equals(p)));
                assertThat(r.domains()).containsKey(first.domain());
                assertThat(r.priceModels()).containsKey(first.priceModel());
            }
        }

        // browsing without words is never capped
        CatalogueSearch.Result browse = capped.search(new CatalogueSearch.Query(null, null, null, null, 0, 10));
        assertThat(browse.totalCapped()).isFalse();
        assertThat(browse.total()).isGreaterThan(50);
    }

    private static void assertLowerBounds(Map<String, Long> lower, Map<String, Long> exact) {
        lower.forEach((value, n) -> assertThat(n).as(value).isPositive().isLessThanOrEqualTo(exact.get(value)));
    }

    private CappedSearchCheck() {}
}

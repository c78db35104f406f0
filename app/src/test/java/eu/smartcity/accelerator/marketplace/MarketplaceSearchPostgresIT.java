package eu.smartcity.accelerator.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import eu.smartcity.accelerator.support.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Full-text search of the catalogue on PostgreSQL: stored tsvector, GIN index, prefix matching, facets; the guided filter. */
@PostgresTest
class MarketplaceSearchPostgresIT {

    @Autowired Catalogue catalogue;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    CatalogueSearch.Result search(String text, String domain) {
        return catalogue.search(new CatalogueSearch.Query(text, domain, null, null, 0, 50), false);
    }

    @Test
    void theCatalogueHasAGinIndexOverEveryWordPrefixAndTheSearchUsesItWithoutAPartialMatch() {
        assertThat(catalogue.fullTextIndex()).isTrue();
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'market_solution_prefix'", String.class))
                .containsIgnoringCase("using gin").contains("search_prefixes");
        // the old index on search_vector is gone (the planner would AND its partial match in)
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'market_solution_fts'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select search_prefixes::text from market_solution where name = 'Smart parking sensors'", String.class))
                .contains("'pa'", "'park'", "'parking'", "'sens'", "'sensors'", "'=domain=parking'", "'=price=");
        List<String> plan = tx.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select id from market_solution where search_vector @@ to_tsquery('simple', 'parking:* & sensor:*')"
                    + " and search_prefixes @@ to_tsquery('simple', 'parking & sensor')", String.class);
        });
        // the index of each hash partition (V161) is market_solution_pN_search_prefixes_idx, a child of market_solution_prefix
        assertThat(String.join("\n", plan)).contains("_search_prefixes_idx").contains("Index Cond: (search_prefixes @@");
    }

    @Test
    void everyWordMustMatchAsAWordPrefixAndFacetsCountTheOtherFilters() {
        assertThat(search("parking sensors", null).hits()).extracting(CatalogueSearch.Hit::name).contains("Smart parking sensors");
        assertThat(search("sens park", null).hits()).extracting(CatalogueSearch.Hit::name).contains("Smart parking sensors");
        assertThat(search("parking zzqqxx", null).total()).isZero();
        // relevance: the solution whose text says "noise" most often comes first among noise solutions
        assertThat(search("noise monitoring", null).hits().get(0).name()).isEqualTo("Noise monitoring in the city centre");

        CatalogueSearch.Result sensors = search("sensors", null);
        CatalogueSearch.Result environment = search("sensors", "environment");
        assertThat(environment.hits()).isNotEmpty().allMatch(h -> h.domain().equals("environment"));
        assertThat(environment.total()).isEqualTo(sensors.domains().get("environment"));
        assertThat(sensors.total()).isEqualTo(sensors.domains().values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(environment.total());
        // the domain facet still shows the other domains when one is chosen
        assertThat(environment.domains()).isEqualTo(sensors.domains());
        // tsquery syntax in the input is just text
        assertThat(search("parking & | ! :* ( )", null).hits()).extracting(CatalogueSearch.Hit::name).contains("Smart parking sensors");
    }

    @Autowired javax.sql.DataSource dataSource;

    @Test
    void theCatalogueIsInSixteenHashPartitionsAndACappedSearchStopsInTheFirstOnesThatHoldEnoughMatches() {
        assertThat(jdbc.queryForObject("select relkind::text from pg_class where oid = 'market_solution'::regclass", String.class))
                .isEqualTo("p");
        assertThat(jdbc.queryForObject("select count(*) from pg_inherits where inhparent = 'market_solution'::regclass", Integer.class))
                .isEqualTo(16);
        // the foreign key of the implementations points at the partitioned table
        assertThat(jdbc.queryForObject("select count(*) from pg_constraint where contype = 'f' and confrelid = 'market_solution'::regclass"
                + " and conrelid = 'market_implementation'::regclass", Integer.class)).isEqualTo(1);
        CatalogueSearch.Query sensor = new CatalogueSearch.Query("sensor", null, null, null, 0, 20);
        long matches = new CatalogueSearch(dataSource, 1_000_000).search(sensor).total();
        assertThat(matches).isGreaterThan(4);
        // cap 1: the LIMIT stops the Append as soon as a partition has handed out 2 matches; the partitions after it,
        // their GIN index included, never run (over one table GIN builds the bitmap of every match first)
        // (the demo partitions hold 2-6 rows each, so the index is asked for explicitly, as it would be chosen at scale)
        String capped = tx.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return new CatalogueSearch(dataSource, 1).plan(sensor, true);
        });
        assertThat(capped).as(capped).contains("Append").contains("_search_prefixes_idx").contains("(never executed)");
        // and the statement read cap + 1 matches, however many there are
        assertThat(capped).as(capped).containsPattern("Limit .*\\(actual time=[0-9.]+ rows=2 loops=1\\)");
        // without a cap that bites every partition runs
        String all = tx.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return new CatalogueSearch(dataSource, 1_000_000).plan(sensor, true);
        });
        assertThat(all).as(all).contains("_search_prefixes_idx").doesNotContain("never executed");
    }

    @Test
    void browsingCountsFromTheCountsPerDomainAndPriceModelThatTheTriggersKeepEqualToTheCatalogue() {
        String counted = "select coalesce(string_agg(domain || '/' || price_model || '=' || n, ', ' order by domain, price_model), '')"
                + " from (select domain, price_model, count(*) as n from market_solution group by domain, price_model) c";
        String kept = "select coalesce(string_agg(domain || '/' || price_model || '=' || solutions, ', ' order by domain, price_model), '')"
                + " from market_solution_count";
        assertThat(jdbc.queryForObject(kept, String.class)).isNotEmpty().isEqualTo(jdbc.queryForObject(counted, String.class));
        tx.execute(status -> {
            // every kind of write, in plain SQL as a bulk load would: insert, update of the pair, update of the text only, delete
            jdbc.update("insert into market_solution (id, supplier_group, name, domain, description, trl, price_model, indicative_cost,"
                    + " min_population, needs_city_data, procurement_route, search_text, created_at)"
                    + " select gen_random_uuid(), 'company-count-test', name, 'count-test', description, trl, price_model, indicative_cost,"
                    + " min_population, needs_city_data, procurement_route, search_text, created_at from market_solution limit 3");
            assertThat(jdbc.queryForObject(kept, String.class)).contains("count-test/").isEqualTo(jdbc.queryForObject(counted, String.class));
            jdbc.update("update market_solution set price_model = 'count-test' where supplier_group = 'company-count-test'");
            jdbc.update("update market_solution set search_text = search_text || ' again' where supplier_group = 'company-count-test'");
            assertThat(jdbc.queryForObject(kept, String.class)).contains("count-test/count-test=3")
                    .isEqualTo(jdbc.queryForObject(counted, String.class));
            // a browse counts from the table: its total and facets are the catalogue's, and its plan never reads the catalogue
            CatalogueSearch search = new CatalogueSearch(dataSource);
            CatalogueSearch.Result browse = search.search(new CatalogueSearch.Query(null, null, "count-test", null, 0, 20));
            assertThat(browse.total()).isEqualTo(3);
            assertThat(browse.domains()).containsExactly(java.util.Map.entry("count-test", 3L));
            assertThat(search.search(new CatalogueSearch.Query(null, null, null, null, 0, 20)).total())
                    .isEqualTo(jdbc.queryForObject("select count(*) from market_solution", Long.class));
            String plan = search.browseFacetPlan(new CatalogueSearch.Query(null, null, null, null, 0, 20));
            assertThat(plan).as(plan).contains("market_solution_count").doesNotContain("market_solution_p");
            jdbc.update("delete from market_solution where supplier_group = 'company-count-test'");
            assertThat(jdbc.queryForObject(kept, String.class)).doesNotContain("count-test").isEqualTo(jdbc.queryForObject(counted, String.class));
            status.setRollbackOnly();
            return null;
        });
    }

    @Test
    void aSearchWithCommonWordsReadsAtMostTheCapAndSaysItsCountsAreLowerBounds() {
        CappedSearchCheck.check(dataSource);
    }

    @Test
    void theSearchFindsAndOrdersAFixedDataSetAsTheStatementBeforeThePrefixIndexDoes() {
        SearchRankingCheck.check(dataSource);
    }

    @Test
    void theGuidedFilterRunsOnPostgresToo() {
        List<Catalogue.GuidedMatch> matches = catalogue.guided(new Catalogue.GuidedAnswers("parking", new BigDecimal("30000"), 90_000,
                true, "any"));
        assertThat(matches).isNotEmpty().allMatch(m -> m.solution().domain().equals("parking"));
        assertThat(matches.get(0).reasons()).extracting(r -> r.ruleId()).contains("Rule_SameDomain");
        assertThat(matches).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 100.0));
        assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }
}

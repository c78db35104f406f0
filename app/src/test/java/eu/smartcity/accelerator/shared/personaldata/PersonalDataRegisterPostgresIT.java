package eu.smartcity.accelerator.shared.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The register against PostgreSQL's schema: the vendor migrations there add columns (full-text search) and replace
 * H2's word table, and the engine's PostgreSQL script must name the same columns as its H2 one.
 */
class PersonalDataRegisterPostgresIT {

    @Test
    void everyTableAndColumnOfThePostgresSchemaIsInTheRegister() throws Exception {
        String url = System.getenv().getOrDefault("ACCELERATOR_TEST_DB_URL", "jdbc:postgresql://localhost:5432/accelerator_test");
        TestPostgres.prepare(url);
        // a partition (market_solution's 16 hash partitions) has its parent's columns and is not a table of its own
        Map<String, List<String>> schema = PersonalDataRegisterTest.schema(url,
                System.getenv().getOrDefault("ACCELERATOR_TEST_DB_USER", "accelerator"),
                System.getenv().getOrDefault("ACCELERATOR_TEST_DB_PASSWORD", "accelerator"), "postgresql",
                "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                        + " JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = to_regnamespace(c.table_schema)"
                        + " WHERE c.table_schema = current_schema() AND NOT t.relispartition ORDER BY c.table_name, c.ordinal_position");
        assertThat(schema).containsKeys("market_solution", "act_hi_varinst").doesNotContainKey("market_solution_p0");
        assertThat(schema.get("market_solution")).contains("search_vector");
        assertThat(PersonalDataRegisterTest.schemaProblems(PersonalDataRegister.read(), schema, "postgresql")).isEmpty();
    }
}

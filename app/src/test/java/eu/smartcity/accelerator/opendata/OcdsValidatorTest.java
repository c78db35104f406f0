package eu.smartcity.accelerator.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The shipped OCDS 1.1.5 schemas, resolved locally, accept a valid package and name each problem of an invalid one. */
class OcdsValidatorTest {

    final ObjectMapper json = new ObjectMapper();
    final OcdsValidator validator = new OcdsValidator();

    ObjectNode validTenderPackage() throws Exception {
        return (ObjectNode) json.readTree("""
                {
                  "uri": "https://accelerator.example/ocds/packages/ocds-sca001-ch-1",
                  "version": "1.1",
                  "publishedDate": "2026-11-24T10:00:00Z",
                  "publisher": {"name": "Smart City Accelerator programme office"},
                  "releases": [{
                    "ocid": "ocds-sca001-ch-1",
                    "id": "ocds-sca001-ch-1-tender-1",
                    "date": "2026-11-24T10:00:00Z",
                    "tag": ["tender"],
                    "initiationType": "tender",
                    "parties": [{"id": "city-mechelen", "name": "City of Mechelen", "roles": ["buyer", "procuringEntity"]}],
                    "buyer": {"id": "city-mechelen", "name": "City of Mechelen"},
                    "tender": {
                      "id": "ch-1",
                      "title": "Smart parking with open data",
                      "status": "active",
                      "procurementMethod": "open",
                      "value": {"amount": 10000, "currency": "EUR"},
                      "tenderPeriod": {"startDate": "2026-11-24T10:00:00Z", "endDate": "2026-12-24T10:00:00Z"}
                    }
                  }]
                }
                """);
    }

    @Test
    void acceptsAValidTenderPackage() throws Exception {
        assertThat(validator.problems(validTenderPackage())).isEmpty();
    }

    @Test
    void namesAMissingRequiredField() throws Exception {
        ObjectNode pkg = validTenderPackage();
        ((ObjectNode) pkg.withArray("releases").get(0)).remove("ocid");
        assertThat(validator.problems(pkg)).anySatisfy(p -> assertThat(p).startsWith("/releases/0:").contains("ocid"));
    }

    @Test
    void refusesAValueOutsideAClosedCodelist() throws Exception {
        ObjectNode pkg = validTenderPackage();
        ObjectNode tender = (ObjectNode) pkg.withArray("releases").get(0).get("tender");
        tender.put("status", "ongoing");
        assertThat(validator.problems(pkg)).anySatisfy(p -> assertThat(p).startsWith("/releases/0/tender/status:"));
    }

    @Test
    void refusesABadDateAndAnUnknownCurrency() throws Exception {
        ObjectNode pkg = validTenderPackage();
        ObjectNode release = (ObjectNode) pkg.withArray("releases").get(0);
        release.put("date", "24/11/2026");
        ((ObjectNode) release.get("tender").get("value")).put("currency", "EURO");
        assertThat(validator.problems(pkg))
                .anySatisfy(p -> assertThat(p).startsWith("/releases/0/date:"))
                .anySatisfy(p -> assertThat(p).startsWith("/releases/0/tender/value/currency:"));
    }

    @Test
    void requireValidThrowsWithEveryProblem() throws Exception {
        ObjectNode pkg = validTenderPackage();
        pkg.remove("publisher");
        ArrayNode tags = (ArrayNode) pkg.withArray("releases").get(0).get("tag");
        tags.removeAll().add("finished");
        assertThatThrownBy(() -> validator.requireValid(pkg))
                .isInstanceOf(InvalidOcdsException.class)
                .satisfies(e -> assertThat(((InvalidOcdsException) e).problems()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void oCDSKeywordsAreKnownAndAnyOtherUnknownKeywordIsRefusedNotJustWarnedAbout() {
        com.networknt.schema.JsonSchemaFactory factory = com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(OcdsValidator.ocdsDraft4()));
        String draft4 = "\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\"";
        assertThat(factory.getSchema("{" + draft4 + ", \"codelist\": \"currency.csv\", \"openCodelist\": false, "
                + "\"omitWhenMerged\": true, \"wholeListMerge\": true, \"versionId\": true, \"deprecated\": {}}")
                .validate(json.createObjectNode())).isEmpty();
        assertThatThrownBy(() -> factory.getSchema("{" + draft4 + ", \"codeList\": \"currency.csv\"}"))
                .hasMessageContaining("codeList");
    }
}

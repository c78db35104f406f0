package eu.smartcity.accelerator.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Validates OCDS 1.1.5 release packages against the published JSON Schemas (draft 4), shipped
 * under classpath:ocds/1.1.5 (a copy of the standard's files). The schemas' https ids are mapped to
 * those files: there is no network. The closed codelists (tag, tender/award/contract/milestone
 * status, method, currency, …) are enums in the schema, so schema validation enforces them too.
 */
@Component
public class OcdsValidator {

    static final String SCHEMA_BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final String LOCAL_BASE = "classpath:ocds/1.1.5/";

    /**
     * Keywords of the OCDS schemas that are not JSON Schema: merge rules, codelist names, deprecation notes
     * (OCDS 1.1 "Merging" and "Codelists"). Any other unknown keyword fails the start, so a typo is not hidden.
     */
    static final List<String> OCDS_KEYWORDS = List.of("omitWhenMerged", "wholeListMerge", "versionId", "codelist",
            "openCodelist", "deprecated");

    private final JsonSchema packageSchema;

    public OcdsValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(ocdsDraft4())
                        .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, LOCAL_BASE)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.packageSchema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + "release-package-schema.json"), config);
    }

    /** Draft 4 plus OCDS's own annotation keywords: known, so they are neither warned about nor validated. */
    static JsonMetaSchema ocdsDraft4() {
        return JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keywords(OCDS_KEYWORDS.stream().map(AnnotationKeyword::new).toList())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .build();
    }

    /** Every problem found, as "/json/pointer: message", in document order; empty when the package is valid. */
    public List<String> problems(JsonNode releasePackage) {
        return packageSchema.validate(releasePackage).stream()
                .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .map(m -> m.getMessage())
                .toList();
    }

    /** Throws {@link InvalidOcdsException} listing every problem unless the package is valid. */
    public void requireValid(JsonNode releasePackage) {
        List<String> problems = problems(releasePackage);
        if (!problems.isEmpty()) {
            throw new InvalidOcdsException(problems);
        }
    }
}

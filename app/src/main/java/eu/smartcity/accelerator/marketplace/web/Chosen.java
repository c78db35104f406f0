package eu.smartcity.accelerator.marketplace.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/** A form field holding one id of a closed list of {@link MarketplaceVocabulary} (none chosen is a problem too). */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = Chosen.Check.class)
public @interface Chosen {

    Vocabulary value();

    /** A bundle key (shown next to the field in the reader's language), not a text. */
    String message() default "market.error.choose";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Vocabulary {
        DOMAINS(MarketplaceVocabulary.DOMAINS), PRICE_MODELS(MarketplaceVocabulary.PRICE_MODELS),
        ROUTES(MarketplaceVocabulary.ROUTES), DOCUMENT_KINDS(MarketplaceVocabulary.DOCUMENT_KINDS);

        private final List<String> ids;

        Vocabulary(List<String> ids) {
            this.ids = ids;
        }

        /** Null-safe membership (immutable lists refuse contains(null)). */
        public boolean has(String id) {
            return id != null && ids.contains(id);
        }
    }

    class Check implements ConstraintValidator<Chosen, String> {

        private Vocabulary vocabulary;

        @Override
        public void initialize(Chosen chosen) {
            vocabulary = chosen.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return vocabulary.has(value);
        }
    }
}

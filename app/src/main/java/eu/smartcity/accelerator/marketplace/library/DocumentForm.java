package eu.smartcity.accelerator.marketplace.library;

import eu.smartcity.accelerator.marketplace.web.Chosen;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A contract document a city shares with every visitor: a template, or a past contract of one of its own
 * challenges or framework contracts; published only once confirmed. The origin's ids stay text: one
 * that is not the city's own (or not an id) is left out, as if none was chosen.
 */
record DocumentForm(
        @NotBlank(message = "market.error.required") @Size(max = 200, message = "market.error.tooLong") String title,
        @NotBlank(message = "market.error.required") @Size(max = 20000, message = "market.error.tooLong") String body,
        @Chosen(Vocabulary.DOCUMENT_KINDS) String kind,
        @Chosen(Vocabulary.DOMAINS) String domain,
        String challengeId,
        String frameworkId,
        Boolean confirmed) {

    static final String PAST_CONTRACT = "past-contract";
}

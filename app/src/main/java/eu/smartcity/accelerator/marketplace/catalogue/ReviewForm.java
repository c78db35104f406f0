package eu.smartcity.accelerator.marketplace.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Year;

/** A city's review of a solution it runs outside the programme; published only once confirmed. */
record ReviewForm(
        @NotNull(message = "market.review.ratingProblem") @Min(value = 1, message = "market.review.ratingProblem")
        @Max(value = 5, message = "market.review.ratingProblem") Integer rating,
        @NotBlank(message = "market.review.commentProblem") @Size(max = 2000, message = "market.review.commentProblem") String comment,
        @Min(value = 1990, message = "market.review.yearProblem") Integer startedYear,
        @Size(max = 2000, message = "market.error.tooLong") String summary,
        Boolean confirmed) {

    /** The year the city started: not later than this year (the one rule that depends on the clock). */
    boolean startedInTheFuture() {
        return startedYear != null && startedYear > Year.now().getValue();
    }
}

package eu.smartcity.accelerator.scoring;

/** An applicant asked for the explanation of its application before the results were final. */
public class ResultsNotFinalException extends RuntimeException {

    public ResultsNotFinalException(String applicationId) {
        super("The results for application " + applicationId + " are not final yet; the explanation is shown once they are");
    }
}

package eu.smartcity.accelerator.opendata;

import java.util.List;

/** An OCDS package failed validation; it must not be served. */
public class InvalidOcdsException extends RuntimeException {

    private final List<String> problems;

    public InvalidOcdsException(List<String> problems) {
        super("OCDS package is invalid (" + problems.size() + " problem(s)): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

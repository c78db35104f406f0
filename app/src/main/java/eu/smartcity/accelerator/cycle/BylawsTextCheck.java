package eu.smartcity.accelerator.cycle;

/**
 * A check another feature makes on a draft's texts before it is saved, e.g. the documents feature parsing the
 * contract template as it will when a contract is drawn up. Refuses with {@link BylawsVersions.InvalidDraftException}.
 */
public interface BylawsTextCheck {

    void check(String version, BylawsVersions.Texts texts);
}

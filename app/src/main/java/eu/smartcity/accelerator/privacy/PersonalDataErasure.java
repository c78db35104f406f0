package eu.smartcity.accelerator.privacy;

import java.util.Map;

/** Erases a person everywhere: every module's holder, then the engine's runtime and history, then the account. */
public interface PersonalDataErasure {

    /**
     * Erases the person now (a decided request, or an inactive account past its last warning).
     *
     * @param userId the account to erase
     * @param grounds why, for the erasure's record, e.g. {@code "request"} or {@code "inactive-account"}
     * @return rows touched per module section and table, with no personal data in it
     */
    Map<String, Map<String, Integer>> erase(String userId, String grounds);
}

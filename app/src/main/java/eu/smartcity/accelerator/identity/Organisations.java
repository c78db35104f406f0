package eu.smartcity.accelerator.identity;

/** Names of organisations (cities and companies are Camunda groups): what a public page may show of them. */
public interface Organisations {

    /** The organisation's registered name, or its id when it has none. */
    String nameOf(String groupId);
}

/**
 * Personal data under control (GDPR): a person's export, erasure requests and their decision, erasure across every
 * module ({@link eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder}) and the engine, retention.
 * The register of what we keep is docs/personal-data.md.
 */
package eu.smartcity.accelerator.privacy;

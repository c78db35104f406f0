/**
 * The contract between the privacy module and every module holding personal data: who the person is
 * ({@link eu.smartcity.accelerator.shared.personaldata.DataSubject}), how long records are kept
 * ({@link eu.smartcity.accelerator.shared.personaldata.RetentionClass}) and what each module exports and erases
 * ({@link eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder}). It sits in shared so that privacy can
 * depend on every module without any module depending on privacy.
 */
package eu.smartcity.accelerator.shared.personaldata;

/**
 * Mail notifications: recorded in the business transaction (one row per recipient and event, never two),
 * sent afterwards with retries so that an SMTP outage neither loses a mail nor rolls back the business
 * step; each user chooses which optional notifications to get.
 */
package eu.smartcity.accelerator.notification;

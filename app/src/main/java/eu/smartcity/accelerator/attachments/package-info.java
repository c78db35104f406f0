/**
 * Uploaded PDF attachments (of applications, for now): checked by content, parsed with PDFBox under a
 * time and memory bound, stored in the database (outside the web root, in the same transaction as
 * what they belong to) and served only as downloads. Who may download is decided by the owning feature.
 */
package eu.smartcity.accelerator.attachments;

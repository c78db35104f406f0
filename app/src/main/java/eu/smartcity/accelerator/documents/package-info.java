/**
 * Documents: contract templates from the bylaws, PDFs rendered with Apache PDFBox (contract, evaluation
 * and cycle reports, bylaws), PAdES signatures and their verification.
 */
package eu.smartcity.accelerator.documents;

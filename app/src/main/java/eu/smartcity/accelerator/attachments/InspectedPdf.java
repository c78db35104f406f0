package eu.smartcity.accelerator.attachments;

/** A PDF that passed inspection and may be stored: its bytes, a safe file name, its page count and SHA-256. */
public record InspectedPdf(String fileName, byte[] content, int pages, String sha256) {}

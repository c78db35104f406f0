package eu.smartcity.accelerator.shared.personaldata;

import org.springframework.core.io.InputStreamSource;

/**
 * A file that belongs in a person's export archive (an uploaded PDF, a document about them).
 *
 * @param path the file's path inside the archive, e.g. {@code applications/<id>/proposal.pdf} (no leading slash)
 * @param contentType its media type
 * @param content opened when the archive is written, so large files are streamed
 */
public record ExportedFile(String path, String contentType, InputStreamSource content) {}

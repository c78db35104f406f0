package eu.smartcity.accelerator.attachments.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.ExportedFile;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PDFs the person uploaded. Every attachment belongs to an application (its bid documents: a procurement
 * record of the company), so the file stays and only its uploader becomes the pseudonym.
 */
@Component
class AttachmentPersonalData implements PersonalDataHolder {

    /** Who uploaded a file whose retention ended: the file's record keeps no person. */
    static final String EXPIRED_UPLOADER = "retention-expired";

    private final JdbcClient jdbc;

    AttachmentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public String section() {
        return "attachments";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        List<Map<String, Object>> uploads = jdbc.sql("""
                SELECT id, owner_id, file_name, size_bytes, pages, sha256, uploaded_at FROM attachment
                WHERE uploaded_by = ? ORDER BY uploaded_at, id""").param(subject.userId())
                .query((rs, n) -> {
                    Map<String, Object> upload = new LinkedHashMap<>();
                    upload.put("fileName", rs.getString(3));
                    upload.put("belongsTo", rs.getString(2));
                    upload.put("sizeBytes", rs.getLong(4));
                    upload.put("pages", rs.getInt(5));
                    upload.put("sha256", rs.getString(6));
                    upload.put("uploadedAt", rs.getObject(7, OffsetDateTime.class).toInstant().toString());
                    upload.put("file", path(rs.getString(2), rs.getString(1), rs.getString(3)));
                    return upload;
                }).list();
        return uploads.isEmpty() ? Map.of() : Map.of("uploads", uploads);
    }

    /** Each upload under {@code attachments/<owner>/<id>-<file name>} (two uploads may share a name); read when written. */
    @Override
    public List<ExportedFile> files(DataSubject subject) {
        return jdbc.sql("SELECT id, owner_id, file_name FROM attachment WHERE uploaded_by = ? ORDER BY uploaded_at, id")
                .param(subject.userId())
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new ExportedFile(path(rs.getString(2), id.toString(), rs.getString(3)), "application/pdf",
                            () -> new ByteArrayInputStream(content(id)));
                }).list();
    }

    private byte[] content(UUID id) {
        return jdbc.sql("SELECT content FROM attachment WHERE id = ?").param(id).query(byte[].class).single();
    }

    private static String path(String ownerId, String id, String fileName) {
        return "attachments/" + ownerId + "/" + id + "-" + fileName.replaceAll("[/\\\\]", "_");
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        return Map.of("attachment", jdbc.sql("UPDATE attachment SET uploaded_by = ? WHERE uploaded_by = ?")
                .params(subject.pseudonym(), subject.userId()).update());
    }

    /** Past the procurement record's period the file is still the company's bid, but its uploader is forgotten. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD).map(period -> Map.of("attachment", jdbc.sql("""
                UPDATE attachment SET uploaded_by = ? WHERE uploaded_at < ? AND uploaded_by <> ?""")
                .params(EXPIRED_UPLOADER, now.minus(period).atOffset(ZoneOffset.UTC), EXPIRED_UPLOADER).update())).orElse(Map.of());
    }
}

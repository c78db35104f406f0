package eu.smartcity.accelerator.attachments;

import static eu.smartcity.accelerator.support.PersonalDataCase.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.ExportedFile;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataCase;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24 point 3, attachments' share: the PDFs a person uploaded go into their export as files; on erasure they
 * stay (an application's bid documents are the company's procurement record) with the pseudonym as uploader.
 */
@AcceleratorTest
class AttachmentPersonalDataTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PdfInspector inspector;
    @Autowired Attachments attachments;
    @Autowired List<PersonalDataHolder> holders;

    final UUID owner = UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM attachment WHERE owner_id = ?", owner);
    }

    @Test
    void exportsTheUploadedFilesAndKeepsThemUnderThePseudonym() throws Exception {
        PersonalDataCase person = new PersonalDataCase(jdbc, "company-zz-pd");
        byte[] pdf = TestPdfs.plain(2);
        attachments.store(owner, List.of(inspector.inspect("proposal.pdf", pdf)), person.subject.userId());
        attachments.store(owner, List.of(inspector.inspect("budget.pdf", TestPdfs.plain(1))), "someone-else");
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "attachments");

        assertThat(holder.export(person.subject).get("uploads").toString()).contains("fileName=proposal.pdf").contains("pages=2")
                .doesNotContain("budget.pdf");
        List<ExportedFile> files = holder.files(person.subject);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path()).startsWith("attachments/" + owner + "/").endsWith("-proposal.pdf");
        assertThat(files.get(0).contentType()).isEqualTo("application/pdf");
        try (InputStream in = files.get(0).content().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }

        assertThat(holder.erase(person.subject)).containsEntry("attachment", 1);

        assertThat(PersonalDataScan.find(jdbc, person.subject, "attachment")).isEmpty();
        assertThat(attachments.of(owner)).extracting(AttachmentView::uploadedBy)
                .containsExactlyInAnyOrder(person.subject.pseudonym(), "someone-else");
        assertThat(holder.files(person.subject)).isEmpty();
        assertThat(holder.erase(person.subject)).containsEntry("attachment", 0);
    }

    @Test
    void anUploaderIsForgottenAfterTheProcurementRecordsPeriodTheFileStays() {
        attachments.store(owner, List.of(inspector.inspect("old.pdf", TestPdfs.plain(1))), "old-uploader");
        jdbc.update("UPDATE attachment SET uploaded_at = ? WHERE owner_id = ?", daysAgo(3660), owner);
        attachments.store(owner, List.of(inspector.inspect("new.pdf", TestPdfs.plain(1))), "new-uploader");

        Map<String, Integer> expired = PersonalDataCase.holder(holders, "attachments").expire(PersonalDataCase.PERIODS, Instant.now());

        assertThat(expired.get("attachment")).isPositive();
        assertThat(attachments.of(owner)).extracting(AttachmentView::fileName, AttachmentView::uploadedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("old.pdf", "retention-expired"),
                        org.assertj.core.groups.Tuple.tuple("new.pdf", "new-uploader"));
    }
}

package eu.smartcity.accelerator.privacy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.smartcity.accelerator.identity.Contacts;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.ExportedFile;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * A person's export (GDPR art. 15 and 20): what every holder has about them, as counts for the page and as one ZIP —
 * {@code data.json} (the account and each holder's section) and the holders' files under {@code files/}. Bounded by
 * {@code accelerator.privacy.export-max-size}: a larger archive is refused before anything is streamed.
 */
@Service
public class PersonalDataExport {

    public static final String ACCOUNT_SECTION = "account";

    private final ErasureOrchestration orchestration;
    private final People people;
    private final Contacts contacts;
    private final DataSize maxSize;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PersonalDataExport(ErasureOrchestration orchestration, People people, Contacts contacts,
            @Value("${accelerator.privacy.export-max-size:200MB}") DataSize maxSize) {
        this.orchestration = orchestration;
        this.people = people;
        this.contacts = contacts;
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** Per section, how many items it holds (a list counts its entries, anything else one); sections with nothing are left out. */
    @Transactional(readOnly = true)
    public Map<String, Integer> summary(String userId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        data(userId).forEach((section, content) -> {
            int n = section.equals(ACCOUNT_SECTION) ? 1 : count(content);
            if (n > 0) {
                counts.put(section, n);
            }
        });
        return counts;
    }

    /** Everything, JSON-ready: the account first, then each holder's section (erasure order: stable). */
    @Transactional(readOnly = true)
    public Map<String, Object> data(String userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<DataSubject> subject = orchestration.subject(userId);
        if (subject.isEmpty()) {
            return data;
        }
        data.put(ACCOUNT_SECTION, account(userId));
        for (PersonalDataHolder holder : orchestration.holders()) {
            Map<String, Object> section = holder.export(subject.get());
            if (section != null && !section.isEmpty()) {
                data.put(holder.section(), section);
            }
        }
        return data;
    }

    /** The archive's size, or empty when it is over the limit (counted by reading the files once, without keeping them). */
    @Transactional(readOnly = true)
    public Optional<Long> sizeWithinLimit(String userId) {
        long size = toJson(data(userId)).length;
        for (ExportedFile file : files(userId)) {
            try (InputStream in = file.content().getInputStream()) {
                size += in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (size > maxSize.toBytes()) {
                return Optional.empty();
            }
        }
        return size > maxSize.toBytes() ? Optional.empty() : Optional.of(size);
    }

    /** Writes the ZIP: {@code data.json}, then every file under {@code files/<holder's path>}. */
    @Transactional(readOnly = true)
    public void writeZip(String userId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry("data.json"));
        zip.write(toJson(data(userId)));
        zip.closeEntry();
        for (ExportedFile file : files(userId)) {
            zip.putNextEntry(new ZipEntry("files/" + file.path().replaceFirst("^/+", "")));
            try (InputStream in = file.content().getInputStream()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    private List<ExportedFile> files(String userId) {
        return orchestration.subject(userId)
                .map(subject -> orchestration.holders().stream().flatMap(h -> h.files(subject).stream()).toList())
                .orElse(List.of());
    }

    private Map<String, Object> account(String userId) {
        Map<String, Object> account = new LinkedHashMap<>();
        people.find(userId).ifPresent(p -> {
            account.put("userId", p.userId());
            account.put("firstName", p.firstName());
            account.put("lastName", p.lastName());
            account.put("email", p.email());
            account.put("roles", p.roles());
            account.put("organisations", p.organisation() == null ? List.of() : List.of(p.organisation()));
            account.put("deactivated", p.deactivated());
        });
        contacts.ofUser(userId).stream().findFirst().ifPresent(c -> account.put("language", c.locale().getLanguage()));
        return account;
    }

    private static int count(Object content) {
        if (content instanceof Map<?, ?> map) {
            return map.values().stream().mapToInt(PersonalDataExport::count).sum();
        }
        if (content instanceof Collection<?> list) {
            return list.size();
        }
        return content == null ? 0 : 1;
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

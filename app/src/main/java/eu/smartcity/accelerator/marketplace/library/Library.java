package eu.smartcity.accelerator.marketplace.library;

import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract document library: templates and past contracts shared between municipalities, each
 * linked to the challenge or framework contract it came from; personal data removed on the way in
 * ({@link PersonalData}). Searched word by word (every word must occur) over title, text, domain and city.
 */
@Service
public class Library {

    private final LibraryDocuments documents;
    private final Clock clock = Clock.systemUTC();

    Library(LibraryDocuments documents) {
        this.documents = documents;
    }

    @Transactional
    public ContractDocument share(String title, String kind, String domain, String cityGroup, UUID challengeId, UUID frameworkId,
            String body) {
        return documents.save(new ContractDocument(title, kind, domain, cityGroup, challengeId, frameworkId, body, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<ContractDocument> search(String text, String kind) {
        List<String> terms = new CatalogueSearch.Query(text, null, null, null, 0, 1).terms();
        return documents.findAllByOrderByCreatedAtDescIdAsc().stream()
                .filter(d -> kind == null || d.kind().equals(kind))
                .filter(d -> {
                    String haystack = Solution.searchText(d.title(), d.body(), d.domain(), d.cityGroup());
                    return terms.stream().allMatch(haystack::contains);
                }).toList();
    }

    public Optional<ContractDocument> find(UUID id) {
        return documents.findById(id);
    }
}

package eu.smartcity.accelerator.marketplace.frameworks;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Frameworks extends JpaRepository<Framework, UUID> {

    List<Framework> findAllByOrderByValidUntilDescIdAsc();
}

package eu.smartcity.accelerator.marketplace.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Solutions extends JpaRepository<Solution, UUID> {

    List<Solution> findBySupplierGroupOrderByName(String supplierGroup);
}

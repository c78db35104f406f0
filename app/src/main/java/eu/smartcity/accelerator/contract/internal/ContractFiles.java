package eu.smartcity.accelerator.contract.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractFiles extends JpaRepository<ContractFile, UUID> {}

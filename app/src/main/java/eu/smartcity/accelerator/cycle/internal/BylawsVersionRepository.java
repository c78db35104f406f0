package eu.smartcity.accelerator.cycle.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface BylawsVersionRepository extends JpaRepository<BylawsVersion, String> {}

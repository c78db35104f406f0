package eu.smartcity.accelerator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Smart City Accelerator: accelerator cycles and a marketplace for smart-city solutions. */
@SpringBootApplication
public class AcceleratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(AcceleratorApplication.class, args);
    }
}

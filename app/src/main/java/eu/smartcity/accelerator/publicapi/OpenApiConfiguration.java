package eu.smartcity.accelerator.publicapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of /api/** served at /api/docs (JSON) and /api/docs/ui. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI acceleratorOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Smart City Accelerator public API")
                .version("1")
                .description("Open data of the accelerator: OCDS 1.1.5 release packages and records of every "
                        + "challenge's contracting process. Public, read-only, cacheable, rate-limited per client "
                        + "address (429 with Retry-After). Errors are RFC 9457 problem details (application/problem+json).")
                .license(new License().name("Data: CC0 1.0").url("https://creativecommons.org/publicdomain/zero/1.0/")));
    }
}

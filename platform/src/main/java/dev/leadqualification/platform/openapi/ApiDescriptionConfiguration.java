package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import java.util.List;

/**
 * The OpenAPI 3.1 description of a service's {@code /api/**} (springdoc: {@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}, both public), with what both services share: the two security schemes, the
 * problem answers of every operation ({@link ProblemAnswers}), the longest text fields ({@link TextLengths}) and the
 * nullability of answers' fields ({@link NullableFields}). springdoc's settings are in {@code openapi.properties} beside this class; a service's
 * own configuration may override them.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfiguration
@PropertySource("classpath:dev/leadqualification/platform/openapi/openapi.properties")
public class ApiDescriptionConfiguration {

    /** What anyone may read: the description and Swagger UI. */
    public static final String[] PUBLIC_PATHS =
            {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    public OpenAPI apiDescription(@Value("${spring.application.name}") String service) {
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user from leads.security.users."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("A JWT from the configured issuer (spring.security.oauth2.resourceserver"
                                + ".jwt.*), when one is configured; same users and roles."));
        ProblemSchema.register(components);
        return new OpenAPI()
                .info(new Info().title("Lead qualification: " + service).version("2")
                        .description("The HTTP contract of the lead qualification service (API.md). Every error is an"
                                + " RFC 9457 problem whose type ends with a slug; each operation lists its slugs."))
                // the service that serves it, whatever its address (and the committed copy names no host)
                .addServersItem(new Server().url("/"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    ProblemAnswers problemAnswers(List<ServiceProblemCases> serviceCases) {
        return new ProblemAnswers(serviceCases);
    }

    @Bean
    StableOrder stableOrder() {
        return new StableOrder();
    }

    @Bean
    TextLengths textLengths() {
        return new TextLengths();
    }

    @Bean
    NullableFields nullableFields() {
        return new NullableFields();
    }
}

package dev.leadqualification.command;

import dev.leadqualification.command.importing.ImportController;
import dev.leadqualification.command.importing.ImportProperties;
import dev.leadqualification.platform.web.RequestBodyLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** How large a request body each part of the command API takes (platform's RequestBodyLimitFilter enforces it). */
@Configuration
public class RequestBodyLimitsConfiguration {

    /**
     * Notes carry attachments of up to 5 MiB, which base64 makes about 6.7 MiB of JSON. Imports are read line by
     * line as they arrive (each line limited on its own), so their bodies may be as large as configured.
     */
    @Bean
    public RequestBodyLimits requestBodyLimits(ImportProperties imports) {
        return RequestBodyLimits.of(DataSize.ofMegabytes(1).toBytes())
                .withLimit("/api/leads/*/notes", DataSize.ofMegabytes(8).toBytes())
                .withLimit(ImportController.PATHS, imports.maxBodySize().toBytes());
    }
}

package dev.leadqualification.command.importing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.command.web.RequestJsonConverter;
import dev.leadqualification.platform.web.ApiExceptionHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs imports: one {@link RecordImport} per request, its batches screened and written on threads of its own. */
@Component
@EnableConfigurationProperties(ImportProperties.class)
class Importer {

    private final ImportBatches batches;
    private final RequestBodies bodies;
    private final ApiExceptionHandler problems;
    private final ImportProperties properties;
    /**
     * Lines are read as strictly as the direct create's body (the command API's request converter: a key given twice
     * is malformed), and each is exactly one JSON value: anything after it on the line is malformed too.
     */
    private final ObjectReader lineReader;
    private final ExecutorService threads = Executors.newCachedThreadPool(new CustomizableThreadFactory("import-"));

    Importer(ImportBatches batches, RequestBodies bodies, ApiExceptionHandler problems, ImportProperties properties,
             RequestJsonConverter requestJson) {
        this.batches = batches;
        this.bodies = bodies;
        this.problems = problems;
        this.properties = properties;
        this.lineReader = requestJson.getObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    <D> ImportReport.Answer importAll(ImportedType<D> type, InputStream body, ImportRun run) throws IOException {
        return new RecordImport<>(type, run, batches, bodies, lineReader, properties, threads,
                new ImportReport(problems, properties.maxListedErrors())).importAll(body);
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}

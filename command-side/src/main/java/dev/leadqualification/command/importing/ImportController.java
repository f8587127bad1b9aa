package dev.leadqualification.command.importing;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code POST /api/import/accounts} and {@code /api/import/contacts} (ADMIN): records migrated from another CRM,
 * one JSON object per line ({@code application/x-ndjson}), each the body of the direct create. The body is read
 * as it arrives, never held whole; the answer reports every line.
 */
@RestController
public class ImportController {

    /** The import resources, for their body limit. */
    public static final String PATHS = "/api/import/*";
    private static final String NDJSON = "application/x-ndjson";
    private static final String ACCOUNTS = "/api/import/accounts";
    private static final String CONTACTS = "/api/import/contacts";

    private final Importer importer;

    ImportController(Importer importer) {
        this.importer = importer;
    }

    @PostMapping(path = ACCOUNTS, consumes = NDJSON, produces = "application/json")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(type = "string",
            description = "One account per line, each the body of POST /api/accounts.")))
    public ImportReport.Answer importAccounts(HttpServletRequest request, Authentication user,
                                              @RequestParam(defaultValue = "false") boolean suppressDuplicateDetection)
            throws IOException {
        return importer.importAll(ImportedAccounts.TYPE, request.getInputStream(), run(user, suppressDuplicateDetection));
    }

    @PostMapping(path = CONTACTS, consumes = NDJSON, produces = "application/json")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(type = "string",
            description = "One contact per line, each the body of POST /api/contacts.")))
    public ImportReport.Answer importContacts(HttpServletRequest request, Authentication user,
                                              @RequestParam(defaultValue = "false") boolean suppressDuplicateDetection)
            throws IOException {
        return importer.importAll(ImportedContacts.TYPE, request.getInputStream(), run(user, suppressDuplicateDetection));
    }

    /** Any other content type: 415 naming the one these resources read (the generic answer names JSON). */
    @PostMapping(path = {ACCOUNTS, CONTACTS})
    @Hidden
    public void otherContentType() {
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send the records as " + NDJSON + ": one JSON object per line.");
    }

    private static ImportRun run(Authentication user, boolean suppressDuplicateDetection) {
        return new ImportRun(user.getName(), CorrelationIdFilter.current(), suppressDuplicateDetection);
    }
}

package dev.leadqualification.command.lead;

import dev.leadqualification.command.ownership.Owners;
import dev.leadqualification.command.web.RequestBodyShape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.qualification.QualifyOutcome;
import dev.leadqualification.platform.database.TransientDatabaseFailure;
import dev.leadqualification.platform.web.ApiExceptionHandler;
import dev.leadqualification.platform.web.InvalidRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /api/leads/qualify}: qualifies 1 to 1000 leads with the same options. Each lead is its own
 * command and transaction, so one lead's refusal (or failure) never stops the others; each gets a result.
 * A lead id given twice is qualified once. Possible duplicates are a result of their own (the lead stays open).
 * The leads are qualified a few at a time ({@link BulkQualificationExecutor}): their transactions then share
 * the database's commits instead of waiting for one another; results keep the request's order. A database that
 * cannot be reached (an outage) is not one lead's failure: the leads not yet tried are skipped and carry its 503
 * problem. A lead its sender may not change (not its owner, not an ADMIN) is REJECTED with 403 {@code not-owner}.
 * A lead whose transaction kept colliding with others (a deadlock, a lock timeout, after the command
 * side's retries) is that lead's conflict only: 409 {@code concurrent-modification}, and the others go on.
 */
@RestController
public class BulkQualificationController {

    static final int MAX_LEADS = 1000;

    private final LeadQualifier qualifier;
    private final BulkQualificationExecutor executor;
    private final RequestBodies bodies;
    private final ApiExceptionHandler problems;
    private final ObjectMapper objectMapper;
    private final Owners owners;

    public BulkQualificationController(LeadQualifier qualifier, BulkQualificationExecutor executor,
                                       RequestBodies bodies, ApiExceptionHandler problems, ObjectMapper objectMapper,
                                       Owners owners) {
        this.owners = owners;
        this.qualifier = qualifier;
        this.executor = executor;
        this.bodies = bodies;
        this.problems = problems;
        this.objectMapper = objectMapper;
    }

    enum Outcome {
        QUALIFIED, DUPLICATES_FOUND, REJECTED
    }

    @PostMapping(path = "/api/leads/qualify", consumes = "application/json", produces = "application/json")
    @RequestBodyShape(value = QualifyOptions.class, plus = "leadIds")
    public Map<String, List<ObjectNode>> qualifyAll(@RequestBody ObjectNode body) {
        Set<String> leadIds = leadIds(body.remove("leadIds"));
        QualifyOptions options = bodies.readValid(body, QualifyOptions.class);
        owners.check(Owners.FIELD, options.ownerId());
        List<CompletableFuture<ObjectNode>> results = new ArrayList<>(leadIds.size());
        // Once the database is out of reach, each lead would wait in vain for a connection: the rest get the same 503
        // problem at once, so the client knows to send just those again. A lost deadlock concerns one lead only.
        AtomicReference<ProblemDetail> outage = new AtomicReference<>();
        for (String leadId : leadIds) {
            results.add(executor.submit(() -> qualifyOne(leadId, options, outage)));
        }
        return Map.of("results", results.stream().map(CompletableFuture::join).toList());
    }

    private ObjectNode qualifyOne(String leadId, QualifyOptions options, AtomicReference<ProblemDetail> outage) {
        ObjectNode result = objectMapper.createObjectNode().put("leadId", leadId);
        if (outage.get() != null) {
            return rejected(result, outage.get());
        }
        try {
            QualifyOutcome outcome = qualifier.qualify(RequestBodies.pathId(leadId, "lead"), options);
            if (outcome instanceof DuplicatesFound duplicates) {
                result.put("outcome", Outcome.DUPLICATES_FOUND.name());
                return result.setAll((ObjectNode) objectMapper.valueToTree(duplicates.asProblemExtensions()));
            }
            ObjectNode qualified = objectMapper.valueToTree(outcome);
            qualified.remove("leadId");
            return result.put("outcome", Outcome.QUALIFIED.name()).setAll(qualified);
        } catch (RuntimeException refused) {
            ProblemDetail problem = problems.describe(refused);
            if (TransientDatabaseFailure.OUT_OF_REACH.is(refused)) {
                outage.compareAndSet(null, problem);
            }
            return rejected(result, problem);
        }
    }

    private ObjectNode rejected(ObjectNode result, ProblemDetail problem) {
        result.put("outcome", Outcome.REJECTED.name());
        result.set("problem", objectMapper.valueToTree(problem));
        return result;
    }

    private static Set<String> leadIds(JsonNode ids) {
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_LEADS) {
            throw new InvalidRequest("leadIds", "must be a list of 1 to " + MAX_LEADS + " lead ids");
        }
        Set<String> leadIds = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual()) {
                throw new InvalidRequest("leadIds[" + i + "]", "must be a lead id (UUID)");
            }
            leadIds.add(id.asText().toLowerCase());
        }
        return leadIds;
    }
}

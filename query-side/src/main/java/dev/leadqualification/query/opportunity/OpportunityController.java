package dev.leadqualification.query.opportunity;

import dev.leadqualification.kernel.opportunity.OpportunityStatus;
import dev.leadqualification.query.consistency.MinVersionReads;
import dev.leadqualification.query.readmodel.OwnerParameter;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/opportunities/{id}}, also with {@code ?minVersion=N}, and the opportunity list. ({@code ?asOf=} and
 * the history are answered by the history package's {@code RecordHistoryController}.)
 */
@RestController
public class OpportunityController {

    private static final String PATH = "/api/opportunities/{opportunityId}";

    private final OpportunityViews opportunities;
    private final MinVersionReads minVersionReads;

    public OpportunityController(OpportunityViews opportunities, MinVersionReads minVersionReads) {
        this.opportunities = opportunities;
        this.minVersionReads = minVersionReads;
    }

    @GetMapping(PATH)
    public OpportunityWithNotes opportunity(@PathVariable String opportunityId) {
        return RecordIds.find(opportunityId, "opportunity", opportunities::find);
    }

    /**
     * Version N of the opportunity; its notes' content comes from the lead's read model, which may lag behind. With
     * {@code asOf} as well it is a 400, as for a lead.
     */
    @GetMapping(value = PATH, params = MinVersionReads.PARAMETER)
    public CompletableFuture<ResponseEntity<Object>> opportunity(@PathVariable String opportunityId,
                                                                 @RequestParam(MinVersionReads.PARAMETER) String minVersion,
                                                                 @RequestParam(required = false) String asOf) {
        MinVersionReads.refuseWithAsOf(asOf);
        return minVersionReads.await("opportunity", opportunityId, minVersion, opportunities::find,
                opportunity -> opportunity.opportunity().version());
    }

    @GetMapping("/api/opportunities")
    public Page<OpportunityView> opportunities(@RequestParam(required = false) OpportunityStatus status,
                                               @RequestParam(name = OwnerParameter.NAME, required = false) String owner,
                                               @RequestParam(required = false) String q,
                                               PageRequest page) {
        return opportunities.list(status, OwnerParameter.resolve(owner), q, page);
    }
}

package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.query.consistency.MinVersionReads;
import dev.leadqualification.query.readmodel.OwnerParameter;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/leads/{id}}, also with {@code ?minVersion=N}, and the lead list. ({@code ?asOf=} is answered
 * by the history package's {@code RecordHistoryController}.)
 */
@RestController
@RequestMapping("/api/leads")
public class LeadController {

    private final LeadViews leads;
    private final MinVersionReads minVersionReads;

    public LeadController(LeadViews leads, MinVersionReads minVersionReads) {
        this.leads = leads;
        this.minVersionReads = minVersionReads;
    }

    @GetMapping("/{leadId}")
    public LeadWithNotes lead(@PathVariable String leadId) {
        return RecordIds.find(leadId, "lead", leads::find);
    }

    /**
     * The lead once the read model has applied version {@code minVersion}. With {@code asOf} as well it is a 400:
     * a past state is rebuilt from the event store, where every version a command answered with is already.
     */
    @GetMapping(value = "/{leadId}", params = MinVersionReads.PARAMETER)
    public CompletableFuture<ResponseEntity<Object>> lead(@PathVariable String leadId,
                                                          @RequestParam(MinVersionReads.PARAMETER) String minVersion,
                                                          @RequestParam(required = false) String asOf) {
        MinVersionReads.refuseWithAsOf(asOf);
        return minVersionReads.await("lead", leadId, minVersion, leads::find, lead -> lead.lead().version());
    }

    @GetMapping
    public Page<LeadView> leads(@RequestParam(required = false) LeadStatus status,
                                @RequestParam(name = OwnerParameter.NAME, required = false) String owner,
                                @RequestParam(required = false) String q,
                                PageRequest page) {
        return leads.list(status, OwnerParameter.resolve(owner), q, page);
    }
}

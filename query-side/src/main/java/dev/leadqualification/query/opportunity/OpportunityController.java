package dev.leadqualification.query.opportunity;

import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/opportunities/{id}}. */
@RestController
public class OpportunityController {

    private final OpportunityViews opportunities;

    public OpportunityController(OpportunityViews opportunities) {
        this.opportunities = opportunities;
    }

    @GetMapping("/api/opportunities/{opportunityId}")
    public OpportunityView opportunity(@PathVariable String opportunityId) {
        return RecordIds.find(opportunityId, "opportunity", opportunities::find);
    }
}

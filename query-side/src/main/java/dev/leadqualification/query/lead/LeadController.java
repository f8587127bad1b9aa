package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/leads/{id}} and the lead list. */
@RestController
@RequestMapping("/api/leads")
public class LeadController {

    private final LeadViews leads;

    public LeadController(LeadViews leads) {
        this.leads = leads;
    }

    @GetMapping("/{leadId}")
    public LeadWithNotes lead(@PathVariable String leadId) {
        return RecordIds.find(leadId, "lead", leads::find);
    }

    @GetMapping
    public Page<LeadView> leads(@RequestParam(required = false) LeadStatus status,
                                @RequestParam(required = false) String q,
                                PageRequest page) {
        return leads.list(status, q, page);
    }
}

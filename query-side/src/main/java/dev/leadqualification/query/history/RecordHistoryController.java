package dev.leadqualification.query.history;

import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.InvalidRequest;
import dev.leadqualification.query.lead.LeadProjection;
import dev.leadqualification.query.lead.LeadViews;
import dev.leadqualification.query.lead.LeadWithNotes;
import dev.leadqualification.query.opportunity.OpportunityProjection;
import dev.leadqualification.query.opportunity.OpportunityViews;
import dev.leadqualification.query.opportunity.OpportunityWithNotes;
import dev.leadqualification.query.readmodel.RebuildableProjection;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the event store tells about a lead or an opportunity: {@code GET /api/{leads|opportunities}/{id}/history}
 * (auditors and admins) and {@code GET /api/{leads|opportunities}/{id}?asOf=<instant>}, the record as it stood then.
 * Both read the event store, not the read model, so neither lags behind the command side.
 */
@RestController
public class RecordHistoryController {

    public static final String AS_OF = "asOf";

    private final RecordHistory history;
    private final AsOfRebuild asOf;
    private final Kind<LeadWithNotes> leads;
    private final Kind<OpportunityWithNotes> opportunities;

    public RecordHistoryController(RecordHistory history, AsOfRebuild asOf, LeadProjection leadProjection,
                                   LeadViews leadViews, OpportunityProjection opportunityProjection,
                                   OpportunityViews opportunityViews) {
        this.history = history;
        this.asOf = asOf;
        this.leads = new Kind<>("lead", "Lead", leadProjection, leadViews::find);
        this.opportunities = new Kind<>("opportunity", "Opportunity", opportunityProjection, opportunityViews::find);
    }

    /** A kind of record: its name in answers, the aggregate type its events are stored under, its read model. */
    private record Kind<T>(String what, String aggregateType, RebuildableProjection projection,
                           Function<UUID, Optional<T>> reader) {
    }

    @GetMapping("/api/leads/{leadId}/history")
    public List<HistoryEntry> leadHistory(@PathVariable String leadId) {
        return historyOf(leads, leadId);
    }

    /** With {@code minVersion} as well, the lead controller answers (a 400). */
    @GetMapping(value = "/api/leads/{leadId}", params = {AS_OF, "!minVersion"})
    public LeadWithNotes leadAsOf(@PathVariable String leadId, @RequestParam(AS_OF) String instant) {
        return asOf(leads, leadId, instant);
    }

    @GetMapping("/api/opportunities/{opportunityId}/history")
    public List<HistoryEntry> opportunityHistory(@PathVariable String opportunityId) {
        return historyOf(opportunities, opportunityId);
    }

    /** With {@code minVersion} as well, the opportunity controller answers (a 400). */
    @GetMapping(value = "/api/opportunities/{opportunityId}", params = {AS_OF, "!minVersion"})
    public OpportunityWithNotes opportunityAsOf(@PathVariable String opportunityId,
                                                @RequestParam(AS_OF) String instant) {
        return asOf(opportunities, opportunityId, instant);
    }

    private List<HistoryEntry> historyOf(Kind<?> kind, String id) {
        List<HistoryEntry> entries = history.of(kind.aggregateType(), recordId(kind, id));
        if (entries.isEmpty()) {
            throw ApiProblem.notFound(kind.what(), id);
        }
        return entries;
    }

    private <T> T asOf(Kind<T> kind, String id, String instant) {
        Instant at = parse(instant);
        return asOf.find(kind.aggregateType(), kind.projection(), kind.reader(), recordId(kind, id), at)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found",
                        "No " + kind.what() + " with id " + id + " existed at " + at + "."));
    }

    /** The id when it is a UUID; otherwise it names no record (404). */
    private static UUID recordId(Kind<?> kind, String id) {
        return RecordIds.find(id, kind.what(), Optional::of);
    }

    /**
     * An ISO-8601 instant with {@code Z} or an offset. A {@code +} that the client did not percent-encode arrives
     * as a space, which no instant contains, so it is read as the {@code +} it was.
     */
    static Instant parse(String instant) {
        try {
            return OffsetDateTime.parse(instant.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidRequest(AS_OF, "must be an ISO-8601 instant such as 2025-03-01T09:30:00Z");
        }
    }
}

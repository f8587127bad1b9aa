package dev.leadqualification.query.history;

import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.InvalidRequest;
import dev.leadqualification.query.lead.LeadWithNotes;
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

/**
 * What the event store tells about a lead: {@code GET /api/leads/{id}/history} (auditors and admins) and
 * {@code GET /api/leads/{id}?asOf=<instant>}, the lead as it stood then. Both read the event store, not the read
 * model, so neither lags behind the command side.
 */
@RestController
public class LeadHistoryController {

    public static final String AS_OF = "asOf";

    private final LeadHistory history;
    private final LeadAsOf asOf;

    public LeadHistoryController(LeadHistory history, LeadAsOf asOf) {
        this.history = history;
        this.asOf = asOf;
    }

    @GetMapping("/api/leads/{leadId}/history")
    public List<HistoryEntry> history(@PathVariable String leadId) {
        List<HistoryEntry> entries = history.of(leadId(leadId));
        if (entries.isEmpty()) {
            throw ApiProblem.notFound("lead", leadId);
        }
        return entries;
    }

    /** With {@code minVersion} as well, the lead controller answers (a 400). */
    @GetMapping(value = "/api/leads/{leadId}", params = {AS_OF, "!minVersion"})
    public LeadWithNotes leadAsOf(@PathVariable String leadId, @RequestParam(AS_OF) String instant) {
        Instant at = parse(instant);
        return asOf.find(leadId(leadId), at).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found",
                "No lead with id " + leadId + " existed at " + at + "."));
    }

    /** The id when it is a UUID; otherwise it names no lead (404). */
    private static UUID leadId(String leadId) {
        return RecordIds.find(leadId, "lead", Optional::of);
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

package dev.leadqualification.command.lead;

import dev.leadqualification.command.directory.CustomerDirectory;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.opportunity.OpenOpportunities;
import dev.leadqualification.command.patching.MergePatch;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.AssignLead;
import dev.leadqualification.kernel.lead.CompleteLeadQualification;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.DisqualifyLead;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.DuplicateResolution;
import dev.leadqualification.kernel.lead.FailLeadQualification;
import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.LeadUpdated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.QualificationResult;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.ReactivateLead;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.lead.UpdateLead;
import dev.leadqualification.kernel.lead.UpdateQualificationDetails;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.kernel.qualification.QualifyOutcome;
import dev.leadqualification.kernel.settings.QualificationSettings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A prospect being worked until it is qualified (converted) or disqualified. Validates, then records
 * events; its state changes only in the event sourcing handlers. Only its owner or an ADMIN changes it (OwnedRecord).
 */
@Aggregate(repository = Lead.REPOSITORY)
public class Lead extends OwnedRecord {

    /** The bean name of its repository (a caching one: see the command side's CommandSideConfiguration). */
    public static final String REPOSITORY = "leadRepository";
    /** A PATCH of a lead: any of its details. */
    static final MergePatch<LeadDetails> PATCH = MergePatch.of(LeadDetails.class);

    @AggregateIdentifier
    private String leadId;
    private LeadDetails creationDetails;
    private LeadDetails details;
    private QualificationDetails qualificationDetails = QualificationDetails.NONE;
    private LeadStatus status;
    private StatusReason statusReason;
    private final List<String> noteIds = new ArrayList<>();
    /** Qualifications whose records are still being created (normally one at most). */
    private final Set<String> pendingQualifications = new HashSet<>();
    /** The opportunity each qualification created, or is creating, by qualification: a failed one created none. */
    private final Map<String, String> opportunities = new LinkedHashMap<>();

    protected Lead() {
        // for Axon: rebuilt from events
    }

    /** Creates the lead; the same create again is answered alike, the same id with other details refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateLead command, CustomerDirectory directory) {
        if (leadId != null) {
            if (!creationDetails.equals(command.details())) {
                throw LeadRules.idTaken(leadId);
            }
            return leadId;
        }
        checkInvariants(command.details(), directory);
        apply(new LeadCreated(command.leadId(), command.details(), command.ownerId()));
        return command.leadId();
    }

    @CommandHandler
    public void handle(UpdateLead command, CustomerDirectory directory) {
        requireOpen();
        LeadDetails updated = PATCH.apply(details, command.values(), command.changedFields());
        if (updated.equals(details)) {
            return;
        }
        checkInvariants(updated, directory);
        apply(new LeadUpdated(leadId, updated, Set.copyOf(command.changedFields())));
    }

    @CommandHandler
    public void handle(UpdateQualificationDetails command) {
        requireOpen();
        if (command.details().equals(qualificationDetails)) {
            return;
        }
        apply(new QualificationDetailsUpdated(leadId, command.details()));
        markContacted();
    }

    @CommandHandler
    public void handle(AddNote command) {
        requireOpen();
        if (noteIds.contains(command.noteId())) {
            return;
        }
        apply(new NoteAdded(leadId, command.noteId(), command.title(), command.text(), command.attachment()));
        markContacted();
    }

    /**
     * Qualify rules 1 to 5 of API.md, in that order. Possible duplicates stop the qualification but are
     * recorded ({@link DuplicateDetected}), so the answer is an outcome rather than an exception.
     */
    @CommandHandler
    public QualifyOutcome handle(QualifyLead command, SettingsLookup settingsLookup, DuplicateDetector detector) {
        if (status != LeadStatus.OPEN) {
            throw LeadRules.closedForQualification();
        }
        QualifyOptions options = Objects.requireNonNullElse(command.options(), QualifyOptions.DEFAULTS);
        QualificationSettings settings = settingsLookup.current();
        QualificationPlan.Selection selection = QualificationPlan.Selection.of(options, settings);
        String recordOwnerId = options.ownerId() != null ? options.ownerId() : ownerId();
        LeadQualified plan = QualificationPlan.decide(leadId, details, qualificationDetails, noteIds, options,
                selection, command.newIds(), QualificationPlan.DuplicateLinks.NONE, recordOwnerId);
        DuplicateResolution resolution = options.duplicateResolution();
        if (resolution == null && DuplicateCheck.enabled(settings, options.suppressDuplicateDetection())) {
            DuplicatesFound found = DuplicateCheck.of(plan.account(), plan.contact(), detector, settings);
            if (found.any()) {
                apply(new DuplicateDetected(leadId, found.experience(), found.matchedAccounts(), found.matchedContacts()));
                return found;
            }
        }
        if (resolution != null && resolution.action() == DuplicateResolution.Action.USE_EXISTING) {
            plan = QualificationPlan.decide(leadId, details, qualificationDetails, noteIds, options, selection,
                    command.newIds(), chosenDuplicates(resolution, plan, detector, settings), recordOwnerId);
        }
        apply(plan);
        return new QualificationResult(leadId, LeadStatus.QUALIFIED, plan.accountId(), plan.contactId(),
                plan.opportunityId(), plan.linkedAccountId(), plan.linkedContactId(), plan.skipped(),
                plan.processStage());
    }

    /** The matches a USE_EXISTING resolution links: each id must be among the current matches of that record. */
    private static QualificationPlan.DuplicateLinks chosenDuplicates(DuplicateResolution resolution, LeadQualified plan,
                                                                     DuplicateDetector detector,
                                                                     QualificationSettings settings) {
        if (resolution.accountId() == null && resolution.contactId() == null) {
            throw new InvalidField("duplicateResolution", "USE_EXISTING needs the accountId and/or contactId to link");
        }
        DuplicatesFound current = DuplicateCheck.of(plan.account(), plan.contact(), detector, settings);
        requireAmong(resolution.accountId(), current.matchedAccounts(), "duplicateResolution.accountId");
        requireAmong(resolution.contactId(), current.matchedContacts(), "duplicateResolution.contactId");
        return new QualificationPlan.DuplicateLinks(resolution.accountId(), resolution.contactId());
    }

    private static void requireAmong(String chosenId, List<DuplicateMatch> matches, String field) {
        if (chosenId != null && matches.stream().noneMatch(match -> match.id().equals(chosenId))) {
            throw new InvalidField(field, "is not among the current matches of the record this qualification would create");
        }
    }

    @CommandHandler
    public void handle(CompleteLeadQualification command) {
        if (pendingQualifications.contains(command.qualificationId())) {
            apply(new LeadQualificationCompleted(leadId, command.qualificationId()));
        }
    }

    @CommandHandler
    public void handle(FailLeadQualification command) {
        if (pendingQualifications.contains(command.qualificationId())) {
            apply(new LeadQualificationFailed(leadId, command.qualificationId(), command.reason()));
        }
    }

    /**
     * Refused while an opportunity from this lead is open: one still being created will be, the others are asked of
     * the event store as it holds them now (not of this lead's memory of them, which no event updates).
     */
    @CommandHandler
    public void handle(DisqualifyLead command, OpenOpportunities openOpportunities) {
        if (status != LeadStatus.OPEN) {
            throw LeadRules.closedForDisqualification();
        }
        Set<String> open = new LinkedHashSet<>();
        List<String> created = new ArrayList<>();
        opportunities.forEach((qualificationId, opportunityId) ->
                (pendingQualifications.contains(qualificationId) ? open : created).add(opportunityId));
        open.addAll(openOpportunities.among(created));
        if (!open.isEmpty()) {
            throw LeadRules.hasOpenOpportunity(open);
        }
        apply(new LeadDisqualified(leadId, command.reason(), command.description()));
    }

    /** Open or closed, a lead can be given to another owner. */
    @CommandHandler
    public void handle(AssignLead command) {
        if (isNewOwner(command.ownerId())) {
            apply(new LeadAssigned(leadId, command.ownerId()));
        }
    }

    @CommandHandler
    public void handle(ReactivateLead command) {
        if (status == LeadStatus.OPEN) {
            throw LeadRules.alreadyOpen();
        }
        apply(new LeadReactivated(leadId));
    }

    private void requireOpen() {
        if (status != LeadStatus.OPEN) {
            throw LeadRules.closedForChanges();
        }
    }

    /** Work on a new lead has begun: its status reason moves from NEW to CONTACTED. */
    private void markContacted() {
        if (statusReason == StatusReason.NEW) {
            apply(new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));
        }
    }

    private static void checkInvariants(LeadDetails details, CustomerDirectory directory) {
        if (details.topic() == null || details.topic().isBlank()) {
            throw new InvalidField("topic", "is required");
        }
        if (details.lastName() == null || details.lastName().isBlank()) {
            throw new InvalidField("lastName", "is required");
        }
        if (details.existingAccountId() != null && !directory.accountExists(details.existingAccountId())) {
            throw new InvalidField("existingAccountId", "names no existing account");
        }
        if (details.existingContactId() != null && !directory.contactExists(details.existingContactId())) {
            throw new InvalidField("existingContactId", "names no existing contact");
        }
    }

    @EventSourcingHandler
    void on(LeadCreated event) {
        leadId = event.leadId();
        ownedBy(event.ownerId());
        creationDetails = event.details();
        details = event.details();
        status = LeadStatus.OPEN;
        statusReason = StatusReason.NEW;
    }

    @EventSourcingHandler
    void on(LeadUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(QualificationDetailsUpdated event) {
        qualificationDetails = event.details();
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        noteIds.add(event.noteId());
    }

    @EventSourcingHandler
    void on(LeadStatusReasonChanged event) {
        statusReason = event.statusReason();
    }

    @EventSourcingHandler
    void on(LeadQualified event) {
        status = LeadStatus.QUALIFIED;
        statusReason = StatusReason.QUALIFIED;
        pendingQualifications.add(event.qualificationId());
        if (event.opportunityId() != null) {
            opportunities.put(event.qualificationId(), event.opportunityId());
        }
    }

    @EventSourcingHandler
    void on(LeadQualificationCompleted event) {
        pendingQualifications.remove(event.qualificationId());
    }

    @EventSourcingHandler
    void on(LeadQualificationFailed event) {
        pendingQualifications.remove(event.qualificationId());
        opportunities.remove(event.qualificationId());
    }

    @EventSourcingHandler
    void on(LeadDisqualified event) {
        status = LeadStatus.DISQUALIFIED;
        statusReason = event.reason().statusReason();
    }

    @EventSourcingHandler
    void on(LeadReactivated event) {
        status = LeadStatus.OPEN;
        statusReason = StatusReason.NEW;
    }
}

package dev.leadqualification.command.qualification;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.contact.CreateContact;
import dev.leadqualification.kernel.lead.CompleteLeadQualification;
import dev.leadqualification.kernel.lead.FailLeadQualification;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.Customer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carries out a qualification the lead decided: creates the account, contact and opportunity with the ids
 * in {@link LeadQualified} (in that order, so the contact can sit under the account and the opportunity
 * name both), carries the lead's notes onto the opportunity, then completes the qualification.
 * <p>
 * The commands run inside this handler's transaction (a failure rolls every step back and the event is
 * retried) and are idempotent, so a redelivered event creates nothing twice. A record that cannot be created
 * (its id is taken by another record) ends the qualification as failed, which the lead's read model shows.
 * The saga lives until the lead has recorded the outcome.
 */
@Saga
@ProcessingGroup(QualificationSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class QualificationSaga {

    public static final String PROCESSING_GROUP = "qualification-saga";
    private static final String ASSOCIATION = "qualificationId";

    @Autowired
    private transient CommandGateway commandGateway;

    private String leadId;
    private String qualificationId;
    private Outcome outcome;

    /** What the saga has reached; persisted with it. */
    public enum Outcome {
        RECORDS_CREATED, FAILED
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(LeadQualified qualified) {
        leadId = qualified.leadId();
        qualificationId = qualified.qualificationId();
        try {
            createRecords(qualified);
            outcome = Outcome.RECORDS_CREATED;
            commandGateway.sendAndWait(new CompleteLeadQualification(leadId, qualificationId));
        } catch (DomainRuleViolation refused) {
            outcome = Outcome.FAILED;
            commandGateway.sendAndWait(new FailLeadQualification(leadId, qualificationId, refused.getMessage()));
        }
    }

    private void createRecords(LeadQualified qualified) {
        if (qualified.accountId() != null) {
            commandGateway.sendAndWait(new CreateAccount(qualified.accountId(), qualified.account(), leadId, false));
        }
        if (qualified.contactId() != null) {
            commandGateway.sendAndWait(new CreateContact(qualified.contactId(), qualified.contact(), leadId, false));
        }
        if (qualified.opportunityId() != null) {
            String accountId = qualified.customerAccountId();
            String contactId = qualified.customerContactId();
            commandGateway.sendAndWait(new CreateOpportunityFromLead(qualified.opportunityId(), qualified.opportunity(),
                    Customer.of(accountId, contactId), accountId, contactId, leadId, qualified.noteIds()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(LeadQualificationCompleted completed) {
        // the lead recorded the outcome: nothing left to do
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(LeadQualificationFailed failed) {
        // the lead recorded the outcome: nothing left to do
    }

    String leadId() {
        return leadId;
    }

    String qualificationId() {
        return qualificationId;
    }

    Outcome outcome() {
        return outcome;
    }
}

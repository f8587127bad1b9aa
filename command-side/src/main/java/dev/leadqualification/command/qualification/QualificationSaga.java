package dev.leadqualification.command.qualification;

import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.contact.CreateContact;
import dev.leadqualification.kernel.lead.CompleteLeadQualification;
import dev.leadqualification.kernel.lead.FailLeadQualification;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.Customer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carries out a qualification the lead decided: creates the account, contact and opportunity with the ids
 * in {@link LeadQualified}, owned by its {@code ownerId} (in that order, so the contact can sit under the account and the opportunity
 * name both), carries the lead's notes onto the opportunity, then completes the qualification.
 * <p>
 * The commands run inside this handler's transaction (a failure rolls every step back and the event is
 * retried) and are idempotent, so a redelivered event creates nothing twice. A record no other has the id of yet is
 * created without a read of the event store ({@link NewRecords}). A record that cannot be created
 * (its id is taken by another record) ends the qualification as failed, which the lead's read model shows with the
 * reason, and leaves none of its records: those created before it are rolled back ({@link #createAllOrNone}).
 * The lead's outcome is recorded in the same transaction, so the saga ends with the handler: it has nothing
 * left to wait for, and a saga that ends before its transaction commits is never written to the saga store.
 */
@Saga
@ProcessingGroup(QualificationSaga.PROCESSING_GROUP)
public class QualificationSaga {

    public static final String PROCESSING_GROUP = "qualification-saga";

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient NewRecords newRecords;

    @StartSaga
    @SagaEventHandler(associationProperty = "qualificationId")
    public void on(LeadQualified qualified) {
        try {
            createAllOrNone(qualified);
            commandGateway.sendAndWait(new CompleteLeadQualification(qualified.leadId(), qualified.qualificationId()));
        } catch (DomainRuleViolation refused) {
            commandGateway.sendAndWait(new FailLeadQualification(qualified.leadId(), qualified.qualificationId(),
                    refused.getMessage()));
        }
        SagaLifecycle.end();
    }

    /**
     * Creates the records in a unit of work of their own, nested in the handler's: their events reach the handler's
     * unit of work (and so the event store) only when every record was created. A refused record rolls back those
     * created before it, whose events are then never stored: a qualification leaves all its records or none. The
     * commands carry the handler's correlation data (actor, correlation id) as they would without the nesting.
     */
    private void createAllOrNone(LeadQualified qualified) {
        UnitOfWork<?> handling = CurrentUnitOfWork.get();
        UnitOfWork<?> creations = DefaultUnitOfWork.startAndGet(handling.getMessage());
        creations.registerCorrelationDataProvider(message -> handling.getCorrelationData());
        try {
            createRecords(qualified);
        } catch (RuntimeException | Error failure) {
            creations.rollback(failure);
            throw failure;
        }
        creations.commit();
    }

    private void createRecords(LeadQualified qualified) {
        String leadId = qualified.leadId();
        if (qualified.accountId() != null) {
            create(new CreateAccount(qualified.accountId(), qualified.account(), leadId, false, qualified.ownerId()),
                    qualified.accountId());
        }
        if (qualified.contactId() != null) {
            create(new CreateContact(qualified.contactId(), qualified.contact(), leadId, false, qualified.ownerId()),
                    qualified.contactId());
        }
        if (qualified.opportunityId() != null) {
            String accountId = qualified.customerAccountId();
            String contactId = qualified.customerContactId();
            create(new CreateOpportunityFromLead(qualified.opportunityId(), qualified.opportunity(),
                    Customer.of(accountId, contactId), accountId, contactId, leadId, qualified.noteIds(),
                    qualified.ownerId()),
                    qualified.opportunityId());
        }
    }

    private void create(Object command, String recordId) {
        commandGateway.sendAndWait(newRecords.creation(command, recordId));
    }
}

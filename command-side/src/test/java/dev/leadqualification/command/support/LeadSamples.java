package dev.leadqualification.command.support;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.NewRecordIds;
import dev.leadqualification.kernel.qualification.BudgetStatus;
import dev.leadqualification.kernel.qualification.Need;
import dev.leadqualification.kernel.qualification.PurchaseProcess;
import dev.leadqualification.kernel.qualification.PurchaseTimeframe;
import dev.leadqualification.kernel.qualification.QualificationDetails;

import dev.leadqualification.kernel.opportunity.OpportunityDetails;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Ids and values the command-side tests share. */
public final class LeadSamples {

    public static final String LEAD_ID = "11111111-1111-4111-8111-111111111111";
    public static final String OTHER_LEAD_ID = "11111111-1111-4111-8111-222222222222";
    public static final String EXISTING_ACCOUNT_ID = "22222222-2222-4222-8222-222222222222";
    public static final String EXISTING_CONTACT_ID = "33333333-3333-4333-8333-333333333333";

    public static final String NEW_ACCOUNT_ID = "a0000000-0000-4000-8000-00000000000a";
    public static final String NEW_CONTACT_ID = "c0000000-0000-4000-8000-00000000000c";
    public static final String NEW_OPPORTUNITY_ID = "e0000000-0000-4000-8000-00000000000e";
    public static final String QUALIFICATION_ID = "f0000000-0000-4000-8000-00000000000f";
    public static final NewRecordIds NEW_IDS =
            new NewRecordIds(NEW_ACCOUNT_ID, NEW_CONTACT_ID, NEW_OPPORTUNITY_ID, QUALIFICATION_ID);

    public static final String NOTE_1 = "90000000-0000-4000-8000-000000000001";
    public static final String NOTE_2 = "90000000-0000-4000-8000-000000000002";

    public static final Address ADDRESS =
            new Address("Havenstraat 1", "Unit 4", "Rotterdam", "Zuid-Holland", "3011 AA", "NL");

    private LeadSamples() {
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    /** Findings of the Qualify stage with every field filled in. */
    public static QualificationDetails qualificationDetails() {
        return new QualificationDetails(PurchaseTimeframe.THIS_QUARTER, eur("50000.00"), BudgetStatus.CAN_BUY,
                PurchaseProcess.COMMITTEE, true, Need.MUST_HAVE, "Paper logbooks", "Live van positions",
                "Telematics package", "Strong fit");
    }

    /** Qualification findings whose only amount is a budget in the given money. */
    public static QualificationDetails budgetOnly(Money budget) {
        return new QualificationDetails(null, budget, BudgetStatus.MAY_BUY, null, null, null, null, null, null, null);
    }

    /** The account qualifying {@link LeadDetailsBuilder#full()} creates. */
    public static AccountDetails accountFromFullLead() {
        return new AccountDetails("Jansen Logistics", "maria.jansen@jansen-logistics.example", "+31 10 555 0100",
                "https://jansen-logistics.example", ADDRESS);
    }

    /** The contact qualifying {@link LeadDetailsBuilder#full()} creates, under the given account. */
    public static ContactDetails contactFromFullLead(String parentAccountId) {
        return new ContactDetails("Maria", "Jansen", "Fleet manager", "maria.jansen@jansen-logistics.example",
                "+31 10 555 0100", "+31 6 5555 0101", ADDRESS, parentAccountId, LeadSource.TRADE_SHOW);
    }

    /** The opportunity qualifying {@link LeadDetailsBuilder#full()} with the given findings creates. */
    public static OpportunityDetails opportunityFromFullLead(QualificationDetails findings) {
        return new OpportunityDetails("Fleet telematics for 40 vans", findings, eur("48000.00"),
                LocalDate.of(2026, 3, 31), "Wants live tracking of the whole fleet", "EUR",
                LeadSource.TRADE_SHOW, "Logistics Expo 2026");
    }
}

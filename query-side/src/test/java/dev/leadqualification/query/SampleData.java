package dev.leadqualification.query;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.qualification.BudgetStatus;
import dev.leadqualification.kernel.qualification.Need;
import dev.leadqualification.kernel.qualification.PurchaseProcess;
import dev.leadqualification.kernel.qualification.PurchaseTimeframe;
import dev.leadqualification.kernel.qualification.QualificationDetails;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Values for the events the tests append. */
public final class SampleData {

    public static final Address ADDRESS = new Address("1 Harbour Street", "Floor 3", "Rotterdam", "South Holland", "3011 AA", "NL");

    private SampleData() {
    }

    /** A lead with every field filled in. */
    public static LeadDetails lead(String firstName, String lastName, String companyName, String email) {
        return new LeadDetails("Fleet renewal 2025", firstName, lastName, "Head of Logistics", companyName, email,
                "+31 10 123 4567", "+31 6 1234 5678", "https://example.com", ADDRESS, "Wants 40 vans",
                LeadSource.TRADE_SHOW, "Logistics Expo 2025", new Money(new BigDecimal("1234.50"), "EUR"), LocalDate.parse("2025-06-30"),
                null, null);
    }

    public static QualificationDetails qualificationDetails() {
        return new QualificationDetails(PurchaseTimeframe.THIS_QUARTER, new Money(new BigDecimal("50000.00"), "EUR"),
                BudgetStatus.CAN_BUY, PurchaseProcess.COMMITTEE, true, Need.MUST_HAVE, "Old fleet", "Lower fuel costs",
                "Electric vans", "Strong fit");
    }
}

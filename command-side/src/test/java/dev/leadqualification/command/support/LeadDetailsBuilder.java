package dev.leadqualification.command.support;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.common.LeadSource;

import java.time.LocalDate;

/** Lead details for tests: {@link #full()} fills every field, {@link #minimal()} only the required ones. */
public final class LeadDetailsBuilder {

    private String topic;
    private String firstName;
    private String lastName;
    private String jobTitle;
    private String companyName;
    private String email;
    private String businessPhone;
    private String mobilePhone;
    private String website;
    private Address address;
    private String description;
    private LeadSource leadSource;
    private String campaign;
    private Money estimatedValue;
    private LocalDate estimatedCloseDate;
    private String existingAccountId;
    private String existingContactId;

    private LeadDetailsBuilder() {
    }

    public static LeadDetailsBuilder minimal() {
        return new LeadDetailsBuilder().topic("Fleet telematics for 40 vans").lastName("Jansen");
    }

    public static LeadDetailsBuilder full() {
        return minimal()
                .firstName("Maria")
                .jobTitle("Fleet manager")
                .companyName("Jansen Logistics")
                .email("maria.jansen@jansen-logistics.example")
                .businessPhone("+31 10 555 0100")
                .mobilePhone("+31 6 5555 0101")
                .website("https://jansen-logistics.example")
                .address(LeadSamples.ADDRESS)
                .description("Wants live tracking of the whole fleet")
                .leadSource(LeadSource.TRADE_SHOW)
                .campaign("Logistics Expo 2026")
                .estimatedValue(LeadSamples.eur("48000.00"))
                .estimatedCloseDate(LocalDate.of(2026, 3, 31));
    }

    public LeadDetailsBuilder topic(String value) {
        topic = value;
        return this;
    }

    public LeadDetailsBuilder firstName(String value) {
        firstName = value;
        return this;
    }

    public LeadDetailsBuilder lastName(String value) {
        lastName = value;
        return this;
    }

    public LeadDetailsBuilder jobTitle(String value) {
        jobTitle = value;
        return this;
    }

    public LeadDetailsBuilder companyName(String value) {
        companyName = value;
        return this;
    }

    public LeadDetailsBuilder email(String value) {
        email = value;
        return this;
    }

    public LeadDetailsBuilder businessPhone(String value) {
        businessPhone = value;
        return this;
    }

    public LeadDetailsBuilder mobilePhone(String value) {
        mobilePhone = value;
        return this;
    }

    public LeadDetailsBuilder website(String value) {
        website = value;
        return this;
    }

    public LeadDetailsBuilder address(Address value) {
        address = value;
        return this;
    }

    public LeadDetailsBuilder description(String value) {
        description = value;
        return this;
    }

    public LeadDetailsBuilder campaign(String value) {
        campaign = value;
        return this;
    }

    public LeadDetailsBuilder leadSource(LeadSource value) {
        leadSource = value;
        return this;
    }

    public LeadDetailsBuilder estimatedValue(Money value) {
        estimatedValue = value;
        return this;
    }

    public LeadDetailsBuilder estimatedCloseDate(LocalDate value) {
        estimatedCloseDate = value;
        return this;
    }

    public LeadDetailsBuilder existingAccountId(String value) {
        existingAccountId = value;
        return this;
    }

    public LeadDetailsBuilder existingContactId(String value) {
        existingContactId = value;
        return this;
    }

    public LeadDetails build() {
        return new LeadDetails(topic, firstName, lastName, jobTitle, companyName, email, businessPhone, mobilePhone,
                website, address, description, leadSource, campaign, estimatedValue, estimatedCloseDate, existingAccountId,
                existingContactId);
    }
}

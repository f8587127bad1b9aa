package dev.leadqualification.kernel.ownership;

/** An event that gives its record a new owner (a user name): {@code LeadAssigned}, {@code AccountAssigned}, ... */
public interface OwnerAssigned {

    String ownerId();
}

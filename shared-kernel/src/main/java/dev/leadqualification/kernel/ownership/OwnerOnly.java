package dev.leadqualification.kernel.ownership;

/**
 * A command that changes a record which only the record's owner, or a user with the ADMIN role, may change: the
 * aggregate refuses it for anyone else with 403 {@code not-owner}, decided on the record as stored. A command opts in
 * by implementing this interface, nothing more (its aggregate keeps its owner: the command side's
 * {@code ownership.OwnedRecord}). Commands the system sends on its own (a saga's) are not asked who sent them.
 */
public interface OwnerOnly {
}

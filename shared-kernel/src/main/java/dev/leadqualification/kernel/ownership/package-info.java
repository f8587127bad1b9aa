/**
 * Who owns a record: every lead, account, contact and opportunity has an owner (a user name), the creator unless
 * the create names another; a qualification's records belong to the lead's owner unless the qualify request names
 * one. A SALES user changes only the records they own ({@link dev.leadqualification.kernel.ownership.OwnerOnly}).
 */
package dev.leadqualification.kernel.ownership;

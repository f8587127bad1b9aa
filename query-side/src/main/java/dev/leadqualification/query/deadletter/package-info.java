/**
 * Dead letters: a projection event that cannot be applied is parked instead of stopping its processor.
 * <p>
 * Every projection processing group has Axon's sequenced dead-letter queue, kept in {@code dead_letter_entry}. When a
 * handler fails on an event for a reason that retrying will not cure (see {@link
 * dev.leadqualification.query.deadletter.ProjectionFailurePolicy}), the event is parked with its cause, and every
 * later event of the same aggregate is parked behind it, in order, so that the aggregate's read model never applies
 * an event before an earlier one; the processor goes on with the other aggregates. When the database itself fails
 * (an outage), nothing is parked: the batch is rolled back and retried until the database is back.
 * <p>
 * Administrators see the parked events at {@code GET /api/admin/dead-letters} and, once the cause is repaired, retry
 * them with {@code POST /api/admin/dead-letters/retry} (every group) or {@code .../{processingGroup}/retry}.
 * A parked event is a copy of the stored event: to repair an event's data, correct it in the event store (so that
 * replays read it corrected) and in its parked copy, then retry. {@code /actuator/health} counts the parked events
 * per group in its {@code deadLetters} component, which stays UP. A replay parks what it cannot apply under
 * {@code <group>@<generation>}; when the generation it built goes live, those become the groups' parked events and the
 * old ones are dropped ({@code query.generation}).
 */
package dev.leadqualification.query.deadletter;

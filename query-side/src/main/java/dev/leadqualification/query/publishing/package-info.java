/**
 * The broker publisher: every stored event, oldest first, to RabbitMQ's durable topic exchange
 * {@value dev.leadqualification.query.publishing.EventPublisher#EXCHANGE}, at least once, a record's events in their
 * order (API.md, "Event subscribers through RabbitMQ"; for consumers: {@code docs/subscribing-to-events.md}).
 * <p>
 * On only with {@code leads.publisher.enabled} ({@code LEADS_PUBLISHER_ENABLED=true}); Spring Boot's
 * {@code spring.rabbitmq.*} settings name the broker. Otherwise no AMQP connection is opened and health does not
 * mention it.
 * <p>
 * How: a pooled streaming event processor of its own, {@value dev.leadqualification.query.publishing.EventPublisher#PROCESSOR}
 * (its own token in {@code token_entry}, segments sequenced per aggregate). Its handler ({@link
 * dev.leadqualification.query.publishing.EventPublisher}) turns each event of a batch into the CloudEvents JSON of
 * {@code GET /api/events} (the same converter, reading the same stored row), and when the batch's transaction is about
 * to commit the batch is sent on one channel and every publisher confirm is awaited ({@link
 * dev.leadqualification.query.publishing.ConfirmedSends}); only then is the processor's token stored. A crash, a
 * refused or lost connection, a negative or missing confirm roll the batch back: the processor releases the segment
 * and claims it again after a growing pause (Axon's: 1 s doubling up to 60 s), and the batch is sent again — never
 * skipped. Several query-side instances share the segments through their claims, so each event is sent by one of
 * them (again only after a crash or a lost confirm).
 * <p>
 * An event that cannot be written as a CloudEvent is parked in the processor's dead-letter queue with its aggregate's
 * later events, as a projection's would be ({@code query.deadletter}: listed and retried at
 * {@code /api/admin/dead-letters}); the others go on. The processor refuses resets ({@code @DisallowReplay}), so a
 * replay of the read models leaves its token, and the broker, alone. {@code GET /api/admin/publisher} and the health
 * component {@code publisher} (always UP) show how far it has come and its last failure.
 */
package dev.leadqualification.query.publishing;

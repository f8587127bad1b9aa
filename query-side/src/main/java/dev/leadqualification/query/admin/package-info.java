/**
 * Administration of the projections (ADMIN only): {@code GET /api/admin/projections} shows how far each of the
 * query side's streaming processors has read the event store, {@code POST /api/admin/projections/replay}
 * rebuilds every read model from the event store.
 * <p>
 * A replay stops each processor, resets its tokens to the start of the event store (which calls the processor's
 * {@code @ResetHandler}: each projection empties its own tables, in the same transaction as the token reset) and
 * starts it again; the processors then read every event once more, in batches (the configured batch size, 100).
 * While they do, the read API keeps answering from the tables as far as they have been rebuilt: records may be
 * missing (404, shorter lists and totals), a lead may show an older version, an opportunity may lack notes whose
 * lead has not been replayed yet, and {@code ?minVersion=N} may answer 503 {@code not-yet-consistent}. Lead history
 * and the event stream read the event store itself and are not affected. The replay is over when
 * {@code GET /api/admin/projections} shows every processor with {@code lag} 0 (or {@code replaying} false).
 * <p>
 * Only one replay runs at a time: a request while processors are being restarted, or while any of them is still
 * replaying, is answered 409 {@code replay-in-progress}. An event a handler cannot apply does not hold the replay
 * up: the reset drops the processor's parked events, and the replay parks again whatever still fails
 * ({@code query.deadletter}); only an outage (the database unreachable) holds a processor back until it ends.
 * The token reset needs every segment of a processor to be free: with several query-side instances, the instance
 * asked notifies the others, which stop their processors (releasing their segments) until it has reset and restarted
 * its own ({@link dev.leadqualification.query.admin.ProjectionReplay}); then every instance takes its share of the
 * rebuild. An instance that does not release its segments within 30 s makes the request fail with 409 and the read
 * models stay as they were.
 */
package dev.leadqualification.query.admin;

/**
 * Administration of the projections (ADMIN only): {@code GET /api/admin/projections} shows how far each of the
 * query side's streaming processors has read the event store, the live generation of the read models and the rebuild
 * of the next one while it runs; {@code POST /api/admin/projections/replay} starts that rebuild.
 * <p>
 * A replay never touches the read models being read: it builds the next generation beside them and every instance
 * switches to it once it has caught up ({@link dev.leadqualification.query.generation}). The replay is over when
 * the read models' processor shows no {@code rebuild} (or {@code replaying} false) and a new {@code generation}.
 */
package dev.leadqualification.query.admin;

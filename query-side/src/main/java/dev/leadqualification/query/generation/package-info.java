/**
 * Generations of the read models, and replays without downtime. Each generation's tables live in a PostgreSQL schema
 * of their own ({@code read_models_<n>}); the projections and readers name tables without a schema, and every
 * connection is pointed at one generation ({@link dev.leadqualification.query.generation.GenerationRouting}): the live
 * one, or, on the thread that builds it, the next. A replay builds the next generation from the event store beside
 * the live one at bulk-load speed ({@link dev.leadqualification.query.generation.Rebuild}), and every instance switches
 * to it at once when it has caught up ({@link dev.leadqualification.query.generation.ReadModelRebuilds}). The same
 * deploys read tables of a new shape ({@link dev.leadqualification.query.generation.ReadModelSchema}).
 */
package dev.leadqualification.query.generation;

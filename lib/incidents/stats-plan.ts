/**
 * Which table each overview aggregate reads for a filter: a rollup when every dimension the filter sets
 * can be expressed on it (the `rollups` of each entry in dimensions.ts), else the scan of incident. Pure:
 * the caller resolves the filter's actors first (actorNamesQuery), since whether the per-actor rollup can
 * answer depends on how many actors they resolve to. The rollups and the measurements behind this choice
 * are described in stats.ts and docs/benchmarks.md.
 */
import { activeDimensions, type Rollup } from "./dimensions";
import type { IncidentFilter } from "./filters";
import { sql, type Sql } from "./where";

/**
 * Which aggregate reads what. The breakdown reads incident_rollup; the time series reads
 * incident_time_rollup or, for one actor, incident_actor_time_rollup. `actorNames` are the names the
 * filter's actors resolve to (null: no actor); every grouping scan matches them against actor_names too
 * (ConditionOptions in where.ts).
 */
export type Plan = { breakdown: "scan" | "rollup"; time: "scan" | "rollup" | "actor-rollup"; actorNames: string[] | null };

/**
 * The filter over a rollup row `r`, or null when the rollup cannot express one of the filter's
 * dimensions. Places in the rollups hold '' for NULL, which no filter value equals; dates are answered by
 * the rollup's period column (rollupTimeQuery), not here.
 */
export function rollupConditions(filter: IncidentFilter, rollup: Rollup, actorNames: string[] | null): Sql[] | null {
  const conditions: Sql[] = [sql`r.incidents <> 0`];
  for (const { dimension, value } of activeDimensions(filter)) {
    const answer = dimension.rollups?.[rollup];
    if (!answer) return null;
    if (answer === "period") continue;
    const condition = answer(value, { sql, actorNames });
    if (!condition) return null;
    conditions.push(condition);
  }
  return conditions;
}

export function planOverview(filter: IncidentFilter, useRollups: boolean, actorNames: string[] | null): Plan {
  if (!useRollups) return { breakdown: "scan", time: "scan", actorNames };
  const time = rollupConditions(filter, "time", actorNames) ? "rollup" : rollupConditions(filter, "actorTime", actorNames) ? "actor-rollup" : "scan";
  return { breakdown: rollupConditions(filter, "breakdown", actorNames) ? "rollup" : "scan", time, actorNames };
}

/**
 * Whether the filter needs columns that are not in incident_overview_idx (the search vector, the
 * locality), so that every scan of it reads the incident rows themselves.
 */
export function readsIncidentRows(filter: IncidentFilter): boolean {
  return activeDimensions(filter).some(({ dimension }) => dimension.readsRows);
}

/** Admin2 when exactly one admin1 is selected (the analyst is looking inside a region), else admin1. */
export function regionLevel(filter: IncidentFilter): "admin1" | "admin2" {
  return filter.admin1.length === 1 ? "admin2" : "admin1";
}

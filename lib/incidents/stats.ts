/**
 * The overview's aggregates, all computed in SQL from the one WHERE clause of the filter contract
 * (incidentWhere), so every bar, region and key figure counts exactly the rows the table shows for the
 * same filter. Target: everything for one filter in ≤ 300 ms p95 at 1,000,000 incidents on 2 cores; the
 * measurements behind each choice below are in docs/benchmarks.md.
 *
 * Three aggregates run concurrently: `time` (bucket × event type: the time series and the key figures,
 * the previous period counted apart in the same read), `breakdown` (places × types × actor_names,
 * regrouped with GROUPING SETS into every other chart) and `points` (the map's most recent precise
 * incidents, capped, in index order). Each reads, as the plan decides (stats-plan.ts):
 *  - a rollup, when every dimension the filter sets can be expressed on it (dimensions.ts):
 *    incident_rollup (every attribute but the date) for the breakdown; incident_time_rollup (slice ×
 *    country × admin1 × type) or, for one actor, incident_actor_time_rollup for the time series, the cut
 *    days at the ends of a date range read from incident (stats-rollup-sql.ts);
 *  - otherwise the scan of incident through its covering index incident_overview_idx, or, when the filter
 *    needs columns the index lacks (readsRows in dimensions.ts), one read of the rows for both `time`
 *    and `breakdown` (onePassQuery in stats-sql.ts).
 * `getOverviewStats(..., { rollups: false })` forces the scans and `{ onePass }` either form of them: the
 * tests compare the paths for the same filters.
 *
 * The rollups are kept exact by statement-level triggers on incident (migration ..._overview_rollups);
 * link changes reach them through actor_names, which every write refreshes (refreshActorNames).
 */
import { statsPool } from "@/lib/db/stats-pool";
import type { IncidentFilter } from "./filters";
import { planOverview, readsIncidentRows } from "./stats-plan";
import { comparedPeriod, shapeOverview } from "./stats-result";
import { rollupBoundsQuery, rollupTimeQuery } from "./stats-rollup-sql";
import { previousPeriod, type StatsBucket } from "./stats-shape";
import { actorNamesQuery, breakdownQuery, onePassQuery, pointsQuery, timeQuery } from "./stats-sql";
import type { BreakdownRow, MapPoint, OverviewStats, TimeRow } from "./stats-types";
import type { Sql } from "./where";

export { STATS_BUCKETS, type StatsBucket } from "./stats-shape";
export { splitRange } from "./stats-rollup-sql";
export { comparedPeriod } from "./stats-result";
export { regionLevel } from "./stats-plan";
export * from "./stats-types";


/**
 * One aggregate, on the overview's own raw pg connections (statsPool), which carry its settings from the
 * start (jit off: compiling these plans cost 15-100 ms, more than it saves; enough hash memory that the
 * aggregates never fall back to an on-disk sort, as the planner expects ~100,000 groups where there are a
 * few thousand): one round trip per aggregate where a Prisma transaction with SET LOCAL took
 * four, and pg's row parsing instead of Prisma's, which cost ~30 ms of server CPU per overview on its
 * thousands of breakdown rows. `cheapGather` lowers the cost the planner gives to passing rows from
 * parallel workers: for the breakdown, whose workers pass partial aggregates that the planner
 * overestimates tenfold (it expects ~100,000 groups where there are a few thousand) and would otherwise run
 * the whole scan on one process. Not for the others: there it makes the planner gather a million raw rows
 * to join them on one process.
 */
async function runAggregate<T>(query: Sql, options: { cheapGather?: boolean } = {}): Promise<T[]> {
  if (!options.cheapGather) return (await statsPool().query(query.text, query.values)).rows as T[];
  const client = await statsPool().connect();
  try {
    await client.query("SET parallel_tuple_cost = 0.01");
    return (await client.query(query.text, query.values)).rows as T[];
  } finally {
    await client.query("RESET parallel_tuple_cost").then(
      () => client.release(),
      (error: Error) => client.release(error),
    );
  }
}

export type OverviewOptions = {
  /** false forces the scan of incident for every aggregate (the reference the rollups are tested against). */
  rollups?: boolean;
  /**
   * Whether the scans share one read of the incidents (onePassQuery); by default only when the filter
   * reads the incident rows anyway (readsIncidentRows). Forced either way by the tests.
   */
  onePass?: boolean;
};

/** Every overview aggregate for one filter. */
export async function getOverviewStats(filter: IncidentFilter, bucket: StatsBucket, options: OverviewOptions = {}): Promise<OverviewStats> {
  const compared = comparedPeriod(filter);
  const previousRange = compared ? previousPeriod(compared) : null;
  const actorNames = filter.actor.length ? (await runAggregate<{ name: string }>(actorNamesQuery(filter.actor))).map((row) => row.name).sort() : null;
  const plan = planOverview(filter, options.rollups ?? true, actorNames);
  const needsBounds = plan.time !== "scan" && (!filter.from || !filter.to);
  const onePass = plan.time === "scan" && plan.breakdown === "scan" && (options.onePass ?? readsIncidentRows(filter));
  const [[allTimeRows, breakdown], points, bounds] = await Promise.all([
    onePass
      ? runAggregate<{ time: TimeRow[]; breakdown: BreakdownRow[] }>(onePassQuery(filter, bucket, previousRange, plan.actorNames), { cheapGather: true }).then(
          ([row]) => [row!.time, row!.breakdown] as const,
        )
      : Promise.all([
          runAggregate<TimeRow>(plan.time === "scan" ? timeQuery(filter, bucket, previousRange, plan.actorNames) : rollupTimeQuery(filter, bucket, previousRange, plan)),
          runAggregate<BreakdownRow>(breakdownQuery(filter, plan.breakdown, plan.actorNames), { cheapGather: true }),
        ]),
    runAggregate<MapPoint>(pointsQuery(filter)),
    needsBounds ? runAggregate<{ first: string | null; last: string | null }>(rollupBoundsQuery(filter, plan)) : Promise.resolve([]),
  ]);
  return shapeOverview(filter, bucket, compared, previousRange, { time: allTimeRows, breakdown, points, bounds });
}

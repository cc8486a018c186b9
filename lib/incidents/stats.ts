/**
 * The overview's aggregates, all computed in SQL from the one WHERE clause of the filter contract
 * (incidentWhere), so every bar, region and key figure counts exactly the rows the table shows for the
 * same filter.
 *
 * Speed (target: everything for one filter in ≤ 300 ms p95 at 1,000,000 incidents on 2 cores). Computed
 * naively, each chart is its own full scan (100-250 ms each) and the actors a join of 1.6 M
 * incident_actor rows (~1 s), see /work/shared/PERFORMANCE.md. Without rollups (below) the whole overview
 * is two scans of the filtered incidents, run concurrently, plus one short index read:
 *
 * 1. `time`: grouped by (bucket, event type): the time series, whose sums are also the key figures. When
 *    the filter starts at a date, the same scan also covers the previous period of the same length and
 *    sums it apart (one scan instead of a second one over a range as large as the first).
 * 2. `breakdown`: grouped by (country, admin1 or admin2, type, sub-type, actor_names), a few thousand
 *    groups that are then unnested into actors and regrouped with GROUPING SETS into by-region, by-type,
 *    by-actor, the actor × region matrix, the map's region totals and the distinct regions and actors.
 *    The actors come from the incident's own `actor_names` (kept equal to its incident_actor links on
 *    every write, see refreshActorNames in lib/incidents/queries.ts); grouping by that string instead of
 *    unnesting per row keeps the scan as cheap as a plain GROUP BY. Measured at 1 M rows, joining the
 *    links cost 2-3x the whole scan.
 * 3. `points`: the most recent precisely located incidents, read in (event_date, id) index order, capped.
 *
 * Both scans read `incident_overview_idx`, a covering index of exactly the columns the overview uses
 * (see schema.prisma): an index-only scan reads ~165 MB per million incidents where the rows, with their
 * summaries and search vectors, are ~950 MB; measured, that halved every aggregate and cut the actor
 * filter's from 4.3 s to 1.4 s on the loaded test machine.
 *
 * Why not GROUPING SETS straight over the table (one pass): PostgreSQL cannot run grouping sets in
 * parallel, and on one process that pass measured slower than the two parallel scans together.
 *
 * One read instead of two when the filter needs columns the covering index lacks (q: the search vector;
 * location): each scan then reads the ~950 MB of rows, ~0.5 s of CPU per read on this machine whatever
 * the plan, so `time` and `breakdown` share one read (onePassQuery): the rows of one parallel scan are
 * each counted under their time key and under their breakdown key in one GROUP BY.
 * Measured at 1 M incidents in the same runs on the loaded test machine: "explosif" in Burkina Faso
 * 959 → 531 ms, q=Mali 1,609 → 1,148 ms. Not for the other scans: over the covering index a second scan
 * costs less than counting every row twice (minFatalities=5: 274 → 1,214 ms; 3 regions + JNIM + 2 years,
 * where the actor join lands on the leader: 388 → 463 ms). What remains for q is that one read: a bare
 * parallel read of the rows measured 386 ms when the whole one-pass overview took 510-600 ms. The GIN
 * index does not shorten it: the bitmap of "explosif" AND Burkina Faso (283,000 and 200,000 entries)
 * touches 46,000 of the 121,000 pages, but pages read through the shared buffer pool cost ~3x those of a
 * sequential scan's small ring, building the two bitmaps costs ~0.2 s more, and the planner never ran the
 * BitmapAnd in parallel, even with parallel setup made free; so its parallel sequential scan stays. Going
 * well under the target for q needs fewer bytes per incident row (the search vector is ~560 of ~950).
 *
 * Rollups (migration ..._overview_rollups). Even so, two scans of 1 M index entries cost 450-700 ms. A
 * single rollup by every filterable attribute down to the day does not help: measured at 1 M incidents it
 * still has 924,000 rows (717,000 by week-in-month, 450,000 by month), because time times places times
 * sub-types times status times precision has more cells than there are incidents. What folds well is
 * time OR the other attributes, not both, so there are three rollups, each read by the aggregate it fits:
 *  - incident_rollup: every filterable attribute but the date, plus actor_names (~83,000 rows): the whole
 *    breakdown (regions, types, actors, matrix, map totals, distinct regions and actors) for any filter
 *    without dates, the actor filter included (actor_names overlaps the names the filter resolves to).
 *  - incident_time_rollup: slice × country × admin1 × admin1_reform × type (~177,000 rows), where a slice
 *    is the days of one ISO week within one month, so weeks and months are both sums of slices: the time
 *    series and key figures for filters on dates, country, admin1 and type. A date that cuts a slice reads
 *    the cut days (≤ 6 at each end of the period and of the previous period) from incident.
 *  - incident_actor_time_rollup: actor × slice × country × type (~123,000 rows): the same for one actor.
 * Everything else falls back to the scans above: location, actorType, source, minFatalities and q always;
 * a date range for the breakdown; admin2, sub-type, status or precision for the time series; an actor
 * combined with admin1, or resolving to several actors, for the time series. The map's points always come
 * from incident (capped, in index order). `getOverviewStats(..., { rollups: false })` forces the scans
 * and `{ onePass }` either form of them: the tests compare the paths for the same filters.
 *
 * The rollups are kept exact by statement-level AFTER triggers with transition tables on incident (one per
 * INSERT, UPDATE, DELETE, plus TRUNCATE): a statement's rows are aggregated into one delta per rollup key
 * and upserted in key order, so a 1 M-row COPY is three grouped upserts rather than a million row
 * triggers, and concurrent writers lock rollup rows in the same order. Actors come from actor_names, the
 * names of the incident's links that every write refreshes (refreshActorNames), which is how the scan
 * counts them too; link changes reach the rollups through that UPDATE, so incident_actor has no trigger.
 *
 * Each statement runs in its own short transaction with local settings: jit off (compiling these plans
 * cost 15-100 ms, more than it saves), and enough hash memory that the aggregates never fall back to an
 * on-disk sort (the planner expects ~100,000 groups where there are a few thousand).
 */
import { statsPool } from "@/lib/db/stats-pool";
import { Prisma } from "@/lib/db/generated/client";
import { foldText } from "@/lib/text/fold";
import type { IncidentFilter } from "./filters";
import { bucketStart, bucketStarts, previousPeriod, relativeChange, type StatsBucket } from "./stats-shape";
import { incidentConditions, incidentWhere, sql, type Sql } from "./where";

export { STATS_BUCKETS, type StatsBucket } from "./stats-shape";

/** Actors shown by name in the by-actor chart; the rest are summed as "Other". */
export const TOP_ACTORS = 12;
/** Rows and columns of the actor × region matrix. */
export const MATRIX_ACTORS = 10;
export const MATRIX_REGIONS = 10;
/**
 * Precise points drawn on the map (the most recent ones). At the scale of five countries more points only
 * overlap, and each one weighs on every overview page (2,000 points were about a third of a megabyte of
 * JSON, sent twice: as data and as SVG), which the load test showed in the server's throughput.
 */
export const MAP_POINT_CAP = 600;

/** Fatalities are a sum over the incidents whose toll is known; the others are counted apart (null is not 0). */
export type Measure = { incidents: number; fatalities: number; fatalitiesUnknown: number };

/** One bucket (its first day); `byType` and `fatalitiesByType` split it by event type for the stacked chart. */
export type TimePoint = Measure & { period: string; byType: Record<string, number>; fatalitiesByType: Record<string, number> };
export type RegionRow = Measure & { country: string; name: string | null };
export type ActorRow = { actor: string; incidents: number; fatalities: number };
export type TypeRow = Measure & { eventType: string; subEventType: string };
export type MapRegion = Measure & { country: string; admin1: string | null; precise: number };
export type MapPoint = {
  id: number;
  latitude: number;
  longitude: number;
  eventDate: string;
  eventType: string;
  location: string | null;
  admin1: string | null;
  fatalities: number | null;
};

export type KeyFigures = {
  incidents: number;
  /** Sum of the known tolls. */
  fatalities: number;
  incidentsWithKnownFatalities: number;
  incidentsWithUnknownFatalities: number;
  regions: number;
  actors: number;
  /** The compared period: the filter's dates, or the first and last incident's when the filter has none. */
  period: { from: string; to: string } | null;
  previous: (Measure & { from: string; to: string }) | null;
  /** Relative change against the previous period (0.25 = +25%); null when the previous period is empty. */
  change: { incidents: number | null; fatalities: number | null };
};

export type OverviewStats = {
  bucket: StatsBucket;
  keyFigures: KeyFigures;
  timeSeries: { eventTypes: string[]; points: TimePoint[] };
  byRegion: { level: "admin1" | "admin2"; rows: RegionRow[] };
  byActor: { rows: ActorRow[]; other: { actors: number; involvements: number }; withoutActor: number };
  byType: TypeRow[];
  actorRegion: { actors: string[]; regions: string[]; cells: { actor: string; region: string; incidents: number }[] };
  map: { regions: MapRegion[]; points: MapPoint[]; pointsTotal: number; pointCap: number; pointsTruncated: boolean };
};

/**
 * One aggregate, on the overview's own raw pg connections (statsPool), which carry its settings (see the
 * header) from the start: one round trip per aggregate where a Prisma transaction with SET LOCAL took
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

/** Admin2 when exactly one admin1 is selected (the analyst is looking inside a region), else admin1. */
export function regionLevel(filter: IncidentFilter): "admin1" | "admin2" {
  return filter.admin1.length === 1 ? "admin2" : "admin1";
}

// ---------------------------------------------------------------------------------------------- rollups

/** Filter keys the rollups cannot answer: any of them sends every aggregate to the scan. */
const SCAN_ONLY_KEYS = ["location", "actorType", "source"] as const;

/**
 * Which aggregate reads what. The breakdown reads incident_rollup when the filter has no dates; the time
 * series reads incident_time_rollup (date, country, admin1, type) or, for one actor, incident_actor_time_rollup
 * (date, actor, country, type). `actorNames` are the names the filter's actors resolve to (null: no actor); every
 * grouping scan matches them against actor_names too (ConditionOptions in where.ts).
 */
type Plan = { breakdown: "scan" | "rollup"; time: "scan" | "rollup" | "actor-rollup"; actorNames: string[] | null };

async function planOverview(filter: IncidentFilter, useRollups: boolean): Promise<Plan> {
  let actorNames: string[] | null = null;
  if (filter.actor.length) {
    // The same resolution as incidentConditions (aliases, then exact names), to the names actor_names holds.
    const rows = await runAggregate<{ name: string }>(sql`SELECT a.name FROM actor a WHERE a.id IN (
      SELECT aa.actor_id FROM actor_alias aa WHERE aa.normalized = ANY(${filter.actor.map(foldText)})
      UNION SELECT a2.id FROM actor a2 WHERE a2.name = ANY(${filter.actor}))`);
    actorNames = rows.map((row) => row.name).sort();
  }
  if (!useRollups || SCAN_ONLY_KEYS.some((key) => filter[key].length > 0) || filter.q || filter.minFatalities !== undefined || filter.since) {
    return { breakdown: "scan", time: "scan", actorNames };
  }
  const onlyTimeDimensions = !filter.admin2.length && !filter.subEventType.length && !filter.status.length && !filter.geoPrecision.length;
  let time: Plan["time"] = "scan";
  if (onlyTimeDimensions && actorNames === null) time = "rollup";
  // One actor only: an incident of two filtered actors would be counted twice in the per-actor rollup.
  else if (onlyTimeDimensions && actorNames !== null && actorNames.length <= 1 && !filter.admin1.length) time = "actor-rollup";
  return { breakdown: filter.from || filter.to ? "scan" : "rollup", time, actorNames };
}

type RollupDimensions = { actorNames: string[] | null; admin2?: boolean; subEventType?: boolean; status?: boolean; geoPrecision?: boolean; admin1?: boolean };

/** The filter over a rollup `r` (its places hold '' for NULL, which no filter value equals). */
function rollupConditions(filter: IncidentFilter, dimensions: RollupDimensions & { actorColumn?: boolean }): Sql[] {
  const conditions: Sql[] = [sql`r.incidents <> 0`];
  if (filter.country.length) conditions.push(sql`r.country = ANY(${filter.country})`);
  if (filter.admin1.length && dimensions.admin1 !== false) conditions.push(sql`(r.admin1 = ANY(${filter.admin1}) OR r.admin1_reform = ANY(${filter.admin1}))`);
  if (filter.admin2.length && dimensions.admin2) conditions.push(sql`r.admin2 = ANY(${filter.admin2})`);
  if (filter.eventType.length) conditions.push(sql`r.event_type = ANY(${filter.eventType})`);
  if (filter.subEventType.length && dimensions.subEventType) conditions.push(sql`r.sub_event_type = ANY(${filter.subEventType})`);
  if (filter.status.length && dimensions.status) conditions.push(sql`r.status = ANY(${filter.status}::"ReviewStatus"[])`);
  if (filter.geoPrecision.length && dimensions.geoPrecision) conditions.push(sql`r.geo_precision = ANY(${filter.geoPrecision}::int[])`);
  if (dimensions.actorNames !== null) {
    conditions.push(
      dimensions.actorColumn
        ? sql`r.actor = ANY(${dimensions.actorNames})`
        : sql`string_to_array(r.actor_names, '; ') && ${dimensions.actorNames}::text[]`,
    );
  }
  return conditions;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The slice of a day, as incident_rollup_period computes it: its ISO week within its month. */
const sliceStart = (day: string) => [bucketStart(day, "week"), bucketStart(day, "month")].sort()[1]!;
const sliceEnd = (day: string) => [addDays(bucketStart(day, "week"), 6), addDays(bucketStart(addDays(bucketStart(day, "month"), 31), "month"), -1)].sort()[0]!;

type DayRange = { from?: string; to?: string };

/**
 * A date range as whole slices (read from a rollup) plus the days of partly covered slices at its ends
 * (at most 6 days each, read from incident through its date index).
 */
export function splitRange(range: DayRange): { whole: DayRange | null; edges: { from: string; to: string }[] } {
  const wholeFrom = range.from && range.from !== sliceStart(range.from) ? addDays(sliceEnd(range.from), 1) : range.from;
  const wholeTo = range.to && range.to !== sliceEnd(range.to) ? addDays(sliceStart(range.to), -1) : range.to;
  if (wholeFrom && wholeTo && wholeFrom > wholeTo) return { whole: null, edges: [{ from: range.from!, to: range.to! }] };
  const edges: { from: string; to: string }[] = [];
  if (range.from && wholeFrom! > range.from) edges.push({ from: range.from, to: addDays(wholeFrom!, -1) });
  if (range.to && wholeTo! < range.to) edges.push({ from: addDays(wholeTo!, 1), to: range.to });
  return { whole: { from: wholeFrom, to: wholeTo }, edges };
}

function periodRange(column: Sql, range: DayRange): Sql {
  const parts: Sql[] = [sql`TRUE`];
  if (range.from) parts.push(sql`${column} >= ${range.from}::date`);
  if (range.to) parts.push(sql`${column} <= ${range.to}::date`);
  return sql`(${Prisma.join(parts, " AND ")})`;
}

function rollupSource(filter: IncidentFilter, plan: Plan): { table: Sql; conditions: Sql[] } {
  return plan.time === "actor-rollup"
    ? { table: sql`incident_actor_time_rollup`, conditions: rollupConditions(filter, { actorNames: plan.actorNames, actorColumn: true, admin1: false }) }
    : { table: sql`incident_time_rollup`, conditions: rollupConditions(filter, { actorNames: null }) };
}

/**
 * The time series from a time rollup: whole slices of the current and previous periods from the rollup,
 * their partial slices from incident; rows of the previous period get a NULL period as in timeQuery.
 */
function rollupTimeQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, plan: Plan): Sql {
  const current = splitRange({ from: filter.from, to: filter.to });
  const before = previous ? splitRange(previous) : null;
  const { table, conditions } = rollupSource(filter, plan);
  const wholes = [current.whole, before?.whole ?? null].filter((range): range is DayRange => range !== null);
  const edges = [...current.edges, ...(before?.edges ?? [])];
  const periodOf = (column: Sql) => {
    const period = sql`date_trunc(${bucket}, ${column}::timestamp)`;
    return previous ? sql`CASE WHEN ${column} <= ${previous.to}::date THEN NULL ELSE ${period} END` : period;
  };
  const parts: Sql[] = [];
  if (wholes.length) {
    parts.push(sql`
      SELECT ${periodOf(sql`r.period`)} AS period, r.event_type, r.incidents::bigint AS incidents, r.fatalities, r.fatalities_unknown::bigint AS unknown,
        NULL::date AS first, NULL::date AS last
      FROM ${table} r
      WHERE ${Prisma.join(conditions, " AND ")} AND (${Prisma.join(wholes.map((range) => periodRange(sql`r.period`, range)), " OR ")})`);
  }
  if (edges.length) {
    const undated = { ...filter, from: undefined, to: undefined };
    parts.push(sql`
      SELECT ${periodOf(sql`i.event_date`)} AS period, i.event_type, 1::bigint AS incidents, coalesce(i.fatalities, 0)::bigint AS fatalities,
        (i.fatalities IS NULL)::int::bigint AS unknown, i.event_date AS first, i.event_date AS last
      FROM incident i
      WHERE ${Prisma.join(incidentConditions(undated), " AND ")}
        AND (${Prisma.join(edges.map((edge) => sql`i.event_date BETWEEN ${edge.from}::date AND ${edge.to}::date`), " OR ")})`);
  }
  return sql`
    SELECT to_char(g.period, 'YYYY-MM-DD') AS period, g.event_type AS "eventType", sum(g.incidents)::int AS incidents,
      sum(g.fatalities)::float8 AS fatalities, sum(g.unknown)::int AS unknown,
      to_char(min(g.first), 'YYYY-MM-DD') AS first, to_char(max(g.last), 'YYYY-MM-DD') AS last
    FROM (${Prisma.join(parts, " UNION ALL ")}) g
    GROUP BY g.period, g.event_type`;
}

/**
 * First and last incident of the filter in the rollup's whole slices: the rollup finds the first and last
 * slice, the incident date index the day inside them (a slice is at most 7 days).
 */
function rollupBoundsQuery(filter: IncidentFilter, plan: Plan): Sql {
  const { table, conditions } = rollupSource(filter, plan);
  const whole = splitRange({ from: filter.from, to: filter.to }).whole ?? { from: "9999-12-31", to: "0001-01-01" };
  const where = incidentWhere(filter);
  return sql`
    WITH b AS (
      SELECT min(r.period) AS lo, max(r.period) AS hi FROM ${table} r
      WHERE ${Prisma.join(conditions, " AND ")} AND ${periodRange(sql`r.period`, whole)}
    )
    SELECT to_char((SELECT min(i.event_date) FROM incident i ${where} AND i.event_date BETWEEN b.lo AND b.lo + 6), 'YYYY-MM-DD') AS first,
      to_char((SELECT max(i.event_date) FROM incident i ${where} AND i.event_date BETWEEN b.hi AND b.hi + 6), 'YYYY-MM-DD') AS last
    FROM b`;
}

type TimeRow = { period: string | null; eventType: string; incidents: number; fatalities: number; unknown: number; first: string | null; last: string | null };

/**
 * Rows before `comparedFrom` (the previous period, only present when the filter has a start date) get a
 * NULL period: the key figures' comparison, not a point of the chart.
 */
function timeQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, actorNames: string[] | null): Sql {
  const scanned = previous ? { ...filter, from: previous.from } : filter;
  // Grouped on the raw date_trunc value and formatted after: to_char on every row cost a third of the scan.
  const period = sql`date_trunc(${bucket}, i.event_date::timestamp)`;
  return sql`
    SELECT to_char(g.period, 'YYYY-MM-DD') AS period, g.event_type AS "eventType", g.incidents::int AS incidents,
      g.fatalities::float8 AS fatalities, g.unknown::int AS unknown,
      to_char(g.first, 'YYYY-MM-DD') AS first, to_char(g.last, 'YYYY-MM-DD') AS last
    FROM (
      SELECT ${previous ? sql`CASE WHEN i.event_date <= ${previous.to}::date THEN NULL ELSE ${period} END` : period} AS period,
        i.event_type,
        count(*) AS incidents,
        coalesce(sum(i.fatalities), 0) AS fatalities,
        count(*) FILTER (WHERE i.fatalities IS NULL) AS unknown,
        min(i.event_date) AS first,
        max(i.event_date) AS last
      FROM incident i
      ${incidentWhere(scanned, { actorNames })}
      GROUP BY 1, 2
    ) g`;
}

type BreakdownRow = {
  grouping: number;
  country: string | null;
  region: string | null;
  admin1: string | null;
  eventType: string | null;
  subEventType: string | null;
  actor: string | null;
  incidents: number;
  fatalities: number;
  unknown: number;
  precise: number;
  involvements: number;
  actorFatalities: number;
  regions: number;
  actors: number;
};

/**
 * One parallel scan grouped by (country, admin1, region, type, sub-type, actor_names): the set of actors
 * of an incident is one text value, so this stays a few thousand groups without exploding rows. Those
 * groups are then regrouped by regroupBreakdown.
 */
function breakdownQuery(filter: IncidentFilter, source: "scan" | "rollup", actorNames: string[] | null): Sql {
  const admin2 = regionLevel(filter) === "admin2";
  const groups =
    source === "scan"
      ? sql`
      SELECT i.country, i.admin1, ${admin2 ? sql`i.admin2` : sql`i.admin1`} AS region, i.event_type, i.sub_event_type, i.actor_names,
        count(*) AS incidents,
        coalesce(sum(i.fatalities), 0) AS fatalities,
        count(*) FILTER (WHERE i.fatalities IS NULL) AS unknown,
        count(*) FILTER (WHERE i.geo_precision = 1 AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) AS precise
      FROM incident i
      ${incidentWhere(filter, { actorNames })}
      GROUP BY 1, 2, 3, 4, 5, 6`
      : sql`
      SELECT r.country, nullif(r.admin1, '') AS admin1, nullif(${admin2 ? sql`r.admin2` : sql`r.admin1`}, '') AS region, r.event_type, r.sub_event_type,
        r.actor_names, sum(r.incidents) AS incidents, sum(r.fatalities) AS fatalities, sum(r.fatalities_unknown) AS unknown, sum(r.precise) AS precise
      FROM incident_rollup r
      WHERE ${Prisma.join(rollupConditions(filter, { actorNames, admin2: true, subEventType: true, status: true, geoPrecision: true }), " AND ")}
      GROUP BY 1, 2, 3, 4, 5, 6`;
  return regroupBreakdown(groups);
}

/**
 * The breakdown from `groups` (country, admin1, region, event_type, sub_event_type, actor_names, incidents,
 * fatalities, unknown, precise): they are unnested into actors (ordinality 1..n; an incident without
 * actors keeps one NULL row) and regrouped with GROUPING SETS. Incident measures count only ordinality 1,
 * so they are never multiplied by the number of actors; actor measures count every row (the names in
 * actor_names are distinct, see refreshActorNames).
 */
function regroupBreakdown(groups: Sql): Sql {
  return sql`
    SELECT GROUPING(g.country, g.region, g.admin1, g.event_type, g.sub_event_type, x.actor)::int AS grouping,
      g.country, g.region, g.admin1, g.event_type AS "eventType", g.sub_event_type AS "subEventType", x.actor,
      coalesce(sum(g.incidents) FILTER (WHERE x.ord = 1), 0)::int AS incidents,
      coalesce(sum(g.fatalities) FILTER (WHERE x.ord = 1), 0)::float8 AS fatalities,
      coalesce(sum(g.unknown) FILTER (WHERE x.ord = 1), 0)::int AS unknown,
      coalesce(sum(g.precise) FILTER (WHERE x.ord = 1), 0)::int AS precise,
      coalesce(sum(g.incidents) FILTER (WHERE x.actor IS NOT NULL), 0)::int AS involvements,
      coalesce(sum(g.fatalities) FILTER (WHERE x.actor IS NOT NULL), 0)::float8 AS "actorFatalities",
      count(DISTINCT g.admin1)::int AS regions,
      count(DISTINCT x.actor)::int AS actors
    FROM (${groups}) g
    CROSS JOIN LATERAL unnest(coalesce(nullif(string_to_array(g.actor_names, '; '), '{}'), ARRAY[NULL::text])) WITH ORDINALITY AS x(actor, ord)
    GROUP BY GROUPING SETS ((g.country, g.region), (g.country, g.admin1), (g.event_type, g.sub_event_type), (x.actor, g.region), (x.actor), ())`;
}

/**
 * The time series and the breakdown from ONE read of the filtered incidents, for filters that must read
 * the incident rows themselves (see the header): the parallel workers read and filter the rows and pair
 * each with its time key (kind 1: bucket, type) and its breakdown key (kind 2: places, type, sub-type,
 * actors), and one GROUP BY counts both. Of its few thousand groups, kind 1 are the time rows as timeQuery
 * returns them and kind 2 feed regroupBreakdown. Only the current period's rows get a breakdown key; the
 * previous period's are counted for the time series only. Both results come back as JSON in one row.
 */
function onePassQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, actorNames: string[] | null): Sql {
  const scanned = previous ? { ...filter, from: previous.from } : filter;
  const admin2 = regionLevel(filter) === "admin2";
  const period = sql`date_trunc(${bucket}, i.event_date::timestamp)`;
  const breakdownKey = (column: Sql) => sql`CASE WHEN k.kind = 2 THEN ${column} END`;
  return sql`
    WITH g AS MATERIALIZED (
      SELECT k.kind,
        CASE WHEN k.kind = 1 THEN ${previous ? sql`CASE WHEN i.event_date <= ${previous.to}::date THEN NULL ELSE ${period} END` : period} END AS period,
        ${breakdownKey(sql`i.country`)} AS country,
        ${breakdownKey(sql`i.admin1`)} AS admin1,
        ${breakdownKey(admin2 ? sql`i.admin2` : sql`i.admin1`)} AS region,
        i.event_type,
        ${breakdownKey(sql`i.sub_event_type`)} AS sub_event_type,
        ${breakdownKey(sql`i.actor_names`)} AS actor_names,
        count(*) AS incidents,
        coalesce(sum(i.fatalities), 0) AS fatalities,
        count(*) FILTER (WHERE i.fatalities IS NULL) AS unknown,
        count(*) FILTER (WHERE i.geo_precision = 1 AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) AS precise,
        min(i.event_date) AS first,
        max(i.event_date) AS last
      FROM incident i CROSS JOIN (VALUES (1), (2)) AS k(kind)
      ${incidentWhere(scanned, { actorNames })} ${previous ? sql`AND (k.kind = 1 OR i.event_date >= ${filter.from!}::date)` : sql``}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    )
    SELECT
      (SELECT coalesce(json_agg(t), '[]') FROM (
        SELECT to_char(g.period, 'YYYY-MM-DD') AS period, g.event_type AS "eventType", g.incidents::int AS incidents,
          g.fatalities::float8 AS fatalities, g.unknown::int AS unknown,
          to_char(g.first, 'YYYY-MM-DD') AS first, to_char(g.last, 'YYYY-MM-DD') AS last
        FROM g WHERE g.kind = 1) t) AS time,
      (SELECT coalesce(json_agg(b), '[]') FROM (${regroupBreakdown(sql`SELECT * FROM g WHERE g.kind = 2`)}) b) AS breakdown`;
}

/**
 * GROUPING(country, region, admin1, event_type, sub_event_type, actor) of each grouping set: a bit is 1
 * when that column is aggregated away (country is the highest bit).
 */
const GROUPING_MASKS = {
  region: 0b001111,
  map: 0b010111,
  type: 0b111001,
  matrix: 0b101110,
  actor: 0b111110,
  total: 0b111111,
} as const;

/**
 * Whether the filter needs columns that are not in incident_overview_idx (the search vector, the
 * locality), so that every scan of it reads the incident rows themselves.
 */
function readsIncidentRows(filter: IncidentFilter): boolean {
  return Boolean(filter.q) || filter.location.length > 0;
}

type PointRow = MapPoint;

/**
 * The actor condition stays the join here (no actorNames): the planner cannot estimate how many rows
 * match an array overlap, takes it for rare, and sorted every match instead of walking the date index
 * (11 → 140 ms at 1,000,000 incidents).
 */
function pointsQuery(filter: IncidentFilter): Sql {
  return sql`
    SELECT i.id, i.latitude, i.longitude, to_char(i.event_date, 'YYYY-MM-DD') AS "eventDate", i.event_type AS "eventType",
      i.location, i.admin1, i.fatalities
    FROM incident i
    ${incidentWhere(filter)} AND i.geo_precision = 1 AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL
    ORDER BY i.event_date DESC, i.id DESC
    LIMIT ${MAP_POINT_CAP}`;
}

function measure(row: { incidents: number; fatalities: number; unknown: number }): Measure {
  return { incidents: row.incidents, fatalities: Number(row.fatalities), fatalitiesUnknown: row.unknown };
}

function byIncidentsDesc<T extends { incidents: number }>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => b.incidents - a.incidents || key(a).localeCompare(key(b));
}

/**
 * The compared period: the filter's own dates. Without a start date there is nothing before the first
 * incident by construction, so no comparison; without an end date the period runs to today (UTC).
 */
export function comparedPeriod(filter: IncidentFilter, today = new Date().toISOString().slice(0, 10)): { from: string; to: string } | null {
  if (!filter.from) return null;
  return { from: filter.from, to: filter.to ?? (today < filter.from ? filter.from : today) };
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
  const plan = await planOverview(filter, options.rollups ?? true);
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
    runAggregate<PointRow>(pointsQuery(filter)),
    needsBounds ? runAggregate<{ first: string | null; last: string | null }>(rollupBoundsQuery(filter, plan)) : Promise.resolve([]),
  ]);
  const timeRows = allTimeRows.filter((row) => row.period !== null);
  const previousRows = allTimeRows.filter((row) => row.period === null);

  const eventTypes = [...new Set(timeRows.map((row) => row.eventType))].sort();
  const sum = (rows: TimeRow[]) =>
    rows.reduce(
      (total, row) => ({
        incidents: total.incidents + row.incidents,
        fatalities: total.fatalities + Number(row.fatalities),
        unknown: total.unknown + row.unknown,
        first: row.first && (!total.first || row.first < total.first) ? row.first : total.first,
        last: row.last && (!total.last || row.last > total.last) ? row.last : total.last,
      }),
      { incidents: 0, fatalities: 0, unknown: 0, first: "", last: "" },
    );
  // On the rollups, the first and last day inside whole slices come apart from the time rows (bounds).
  const totals = sum([...timeRows, ...bounds.map((row) => ({ period: "", eventType: "", incidents: 0, fatalities: 0, unknown: 0, first: row.first, last: row.last }))]);

  const timeSeries = { eventTypes, points: [] as TimePoint[] };
  if (totals.incidents > 0) {
    const byPeriod = new Map<string, TimePoint>();
    for (const period of bucketStarts(filter.from ?? totals.first, filter.to ?? totals.last, bucket)) {
      const zeros = () => Object.fromEntries(eventTypes.map((type) => [type, 0]));
      byPeriod.set(period, { period, incidents: 0, fatalities: 0, fatalitiesUnknown: 0, byType: zeros(), fatalitiesByType: zeros() });
    }
    for (const row of timeRows) {
      const point = byPeriod.get(row.period!)!;
      point.incidents += row.incidents;
      point.fatalities += Number(row.fatalities);
      point.fatalitiesUnknown += row.unknown;
      point.byType[row.eventType] = row.incidents;
      point.fatalitiesByType[row.eventType] = Number(row.fatalities);
    }
    timeSeries.points = [...byPeriod.values()];
  }

  const rowsOf = (set: keyof typeof GROUPING_MASKS) => breakdown.filter((row) => row.grouping === GROUPING_MASKS[set]);
  const total = rowsOf("total")[0];

  const actorRows = rowsOf("actor")
    .filter((row) => row.actor !== null)
    .map((row) => ({ actor: row.actor!, incidents: row.involvements, fatalities: Number(row.actorFatalities) }))
    .sort(byIncidentsDesc((row) => row.actor));
  const otherActors = actorRows.slice(TOP_ACTORS);

  const regionRows = rowsOf("region")
    .map((row) => ({ country: row.country!, name: row.region, ...measure(row) }))
    .sort(byIncidentsDesc((row) => row.name ?? ""));

  const matrixActors = actorRows.slice(0, MATRIX_ACTORS).map((row) => row.actor);
  const matrixRegions = [...new Set(regionRows.filter((row) => row.name !== null).map((row) => row.name!))].slice(0, MATRIX_REGIONS);
  const cells = rowsOf("matrix")
    .filter((row) => row.actor !== null && matrixActors.includes(row.actor) && row.region !== null && matrixRegions.includes(row.region))
    .map((row) => ({ actor: row.actor!, region: row.region!, incidents: row.involvements }));

  const previousTotals = sum(previousRows);
  const previous = previousRange ? { ...previousRange, incidents: previousTotals.incidents, fatalities: previousTotals.fatalities, fatalitiesUnknown: previousTotals.unknown } : null;

  return {
    bucket,
    keyFigures: {
      incidents: totals.incidents,
      fatalities: totals.fatalities,
      incidentsWithKnownFatalities: totals.incidents - totals.unknown,
      incidentsWithUnknownFatalities: totals.unknown,
      regions: total?.regions ?? 0,
      actors: total?.actors ?? 0,
      period: compared ?? (totals.incidents > 0 ? { from: totals.first, to: totals.last } : null),
      previous,
      change: {
        incidents: previous ? relativeChange(totals.incidents, previous.incidents) : null,
        fatalities: previous ? relativeChange(totals.fatalities, previous.fatalities) : null,
      },
    },
    timeSeries,
    byRegion: { level: regionLevel(filter), rows: regionRows },
    byActor: {
      rows: actorRows.slice(0, TOP_ACTORS),
      other: { actors: otherActors.length, involvements: otherActors.reduce((count, row) => count + row.incidents, 0) },
      withoutActor: rowsOf("actor").find((row) => row.actor === null)?.incidents ?? 0,
    },
    byType: rowsOf("type")
      .map((row) => ({ eventType: row.eventType!, subEventType: row.subEventType!, ...measure(row) }))
      .sort(byIncidentsDesc((row) => row.subEventType)),
    actorRegion: { actors: matrixActors, regions: matrixRegions, cells },
    map: {
      regions: rowsOf("map")
        .map((row) => ({ country: row.country!, admin1: row.admin1, precise: row.precise, ...measure(row) }))
        .sort(byIncidentsDesc((row) => row.admin1 ?? "")),
      points,
      pointsTotal: total?.precise ?? 0,
      pointCap: MAP_POINT_CAP,
      pointsTruncated: (total?.precise ?? 0) > points.length,
    },
  };
}

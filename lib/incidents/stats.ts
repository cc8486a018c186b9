/**
 * The overview's aggregates, all computed in SQL from the one WHERE clause of the filter contract
 * (incidentWhere), so every bar, region and key figure counts exactly the rows the table shows for the
 * same filter.
 *
 * Speed (target: everything for one filter in ≤ 300 ms p95 at 1,000,000 incidents on 2 cores). Computed
 * naively, each chart is its own full scan (100-250 ms each) and the actors a join of 1.6 M
 * incident_actor rows (~1 s), see /work/shared/PERFORMANCE.md. Here the whole overview is two scans of
 * the filtered incidents, run concurrently, plus one short index read:
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
 * parallel, and on one process that pass measured slower than the two parallel scans together. Why not
 * rollup tables: the filter has ~10 dimensions down to the day; at that grain a rollup of the 1 M seeded
 * incidents still had 580,000 rows, no smaller to scan and one more thing to keep exact on every write.
 *
 * Each statement runs in its own short transaction with local settings: jit off (compiling these plans
 * cost 15-100 ms, more than it saves), and enough hash memory that the aggregates never fall back to an
 * on-disk sort (the planner expects ~100,000 groups where there are a few thousand).
 */
import { prisma } from "@/lib/db/client";
import type { IncidentFilter } from "./filters";
import { bucketStarts, previousPeriod, relativeChange, type StatsBucket } from "./stats-shape";
import { incidentWhere, sql, type Sql } from "./where";

export { STATS_BUCKETS, type StatsBucket } from "./stats-shape";

/** Actors shown by name in the by-actor chart; the rest are summed as "Other". */
export const TOP_ACTORS = 12;
/** Rows and columns of the actor × region matrix. */
export const MATRIX_ACTORS = 10;
export const MATRIX_REGIONS = 10;
/** Precise points drawn on the map: more would not be readable, and would weigh on the page. */
export const MAP_POINT_CAP = 2_000;

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

type Db = Pick<typeof prisma, "$transaction">;

/**
 * One aggregate in its own short transaction, with local settings (see the header). `cheapGather` lowers
 * the cost the planner gives to passing rows from parallel workers: for the breakdown, whose workers pass
 * partial aggregates that the planner overestimates tenfold (it expects ~100,000 groups where there are a
 * few thousand) and would otherwise run the whole scan on one process. Not for the others: there it
 * makes the planner gather a million raw rows to join them on one process.
 */
async function runAggregate<T>(db: Db, query: Sql, options: { cheapGather?: boolean } = {}): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
        set_config('hash_mem_multiplier', '4', true), set_config('parallel_tuple_cost', ${options.cheapGather ? "0.01" : "0.1"}, true)`;
      return tx.$queryRaw<T[]>(query);
    },
    { timeout: 60_000 },
  );
}

/** Admin2 when exactly one admin1 is selected (the analyst is looking inside a region), else admin1. */
export function regionLevel(filter: IncidentFilter): "admin1" | "admin2" {
  return filter.admin1.length === 1 ? "admin2" : "admin1";
}

type TimeRow = { period: string | null; eventType: string; incidents: number; fatalities: number; unknown: number; first: string; last: string };

/**
 * Rows before `comparedFrom` (the previous period, only present when the filter has a start date) get a
 * NULL period: the key figures' comparison, not a point of the chart.
 */
function timeQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null): Sql {
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
      ${incidentWhere(scanned)}
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
 * groups are then unnested into actors (ordinality 1..n; an incident without actors keeps one NULL row)
 * and regrouped with GROUPING SETS. Incident measures count only ordinality 1, so they are never
 * multiplied by the number of actors; actor measures count every row (the names in actor_names are
 * distinct, see refreshActorNames).
 */
function breakdownQuery(filter: IncidentFilter): Sql {
  const region = regionLevel(filter) === "admin2" ? sql`i.admin2` : sql`i.admin1`;
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
    FROM (
      SELECT i.country, i.admin1, ${region} AS region, i.event_type, i.sub_event_type, i.actor_names,
        count(*) AS incidents,
        coalesce(sum(i.fatalities), 0) AS fatalities,
        count(*) FILTER (WHERE i.fatalities IS NULL) AS unknown,
        count(*) FILTER (WHERE i.geo_precision = 1 AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) AS precise
      FROM incident i
      ${incidentWhere(filter)}
      GROUP BY 1, 2, 3, 4, 5, 6
    ) g
    CROSS JOIN LATERAL unnest(coalesce(nullif(string_to_array(g.actor_names, '; '), '{}'), ARRAY[NULL::text])) WITH ORDINALITY AS x(actor, ord)
    GROUP BY GROUPING SETS ((g.country, g.region), (g.country, g.admin1), (g.event_type, g.sub_event_type), (x.actor, g.region), (x.actor), ())`;
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

type PointRow = MapPoint;

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

/** Every overview aggregate for one filter. */
export async function getOverviewStats(filter: IncidentFilter, bucket: StatsBucket, db: Db = prisma): Promise<OverviewStats> {
  const compared = comparedPeriod(filter);
  const previousRange = compared ? previousPeriod(compared) : null;
  const [allTimeRows, breakdown, points] = await Promise.all([
    runAggregate<TimeRow>(db, timeQuery(filter, bucket, previousRange)),
    runAggregate<BreakdownRow>(db, breakdownQuery(filter), { cheapGather: true }),
    runAggregate<PointRow>(db, pointsQuery(filter)),
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
        first: !total.first || row.first < total.first ? row.first : total.first,
        last: !total.last || row.last > total.last ? row.last : total.last,
      }),
      { incidents: 0, fatalities: 0, unknown: 0, first: "", last: "" },
    );
  const totals = sum(timeRows);

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

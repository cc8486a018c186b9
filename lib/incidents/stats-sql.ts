/**
 * The overview's SQL over incident (the scans) and the breakdown, which reads incident or incident_rollup
 * into the same GROUPING SETS. Why two scans, one pass or a rollup: see stats.ts and docs/benchmarks.md.
 */
import { Prisma } from "@/lib/db/generated/client";
import { actorIdsSql } from "./dimensions";
import type { IncidentFilter } from "./filters";
import type { StatsBucket } from "./stats-shape";
import { regionLevel, rollupConditions } from "./stats-plan";
import { MAP_POINT_CAP } from "./stats-types";
import { incidentWhere, sql, type Sql } from "./where";

/** The names the filter's actors resolve to (actorIdsSql), as incident.actor_names holds them. */
export function actorNamesQuery(actors: string[]): Sql {
  return sql`SELECT a.name FROM actor a WHERE a.id IN (${actorIdsSql(actors, sql)})`;
}

/**
 * Rows before `comparedFrom` (the previous period, only present when the filter has a start date) get a
 * NULL period: the key figures' comparison, not a point of the chart.
 */
export function timeQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, actorNames: string[] | null): Sql {
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

/**
 * One parallel scan grouped by (country, admin1, region, type, sub-type, actor_names): the set of actors
 * of an incident is one text value, so this stays a few thousand groups without exploding rows. Those
 * groups are then regrouped by regroupBreakdown.
 */
export function breakdownQuery(filter: IncidentFilter, source: "scan" | "rollup", actorNames: string[] | null): Sql {
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
      WHERE ${Prisma.join(breakdownRollupConditions(filter, actorNames), " AND ")}
      GROUP BY 1, 2, 3, 4, 5, 6`;
  return regroupBreakdown(groups);
}

function breakdownRollupConditions(filter: IncidentFilter, actorNames: string[] | null): Sql[] {
  const conditions = rollupConditions(filter, "breakdown", actorNames);
  if (!conditions) throw new Error("incident_rollup cannot express this filter: the plan should have chosen the scan");
  return conditions;
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
export function onePassQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, actorNames: string[] | null): Sql {
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
export const GROUPING_MASKS = {
  region: 0b001111,
  map: 0b010111,
  type: 0b111001,
  matrix: 0b101110,
  actor: 0b111110,
  total: 0b111111,
} as const;

/**
 * The actor condition stays the join here (no actorNames): the planner cannot estimate how many rows
 * match an array overlap, takes it for rare, and sorted every match instead of walking the date index
 * (11 → 140 ms at 1,000,000 incidents).
 */
export function pointsQuery(filter: IncidentFilter): Sql {
  return sql`
    SELECT i.id, i.latitude, i.longitude, to_char(i.event_date, 'YYYY-MM-DD') AS "eventDate", i.event_type AS "eventType",
      i.location, i.admin1, i.fatalities
    FROM incident i
    ${incidentWhere(filter)} AND i.geo_precision = 1 AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL
    ORDER BY i.event_date DESC, i.id DESC
    LIMIT ${MAP_POINT_CAP}`;
}

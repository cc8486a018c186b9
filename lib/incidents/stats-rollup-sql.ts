/**
 * The overview's SQL on the time rollups (incident_time_rollup, incident_actor_time_rollup): a date range
 * is read as whole slices (the days of one ISO week within one month) from the rollup, plus the days of the
 * slices it cuts from incident. See stats.ts for which aggregate reads which rollup.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { IncidentFilter } from "./filters";
import { bucketStart, type StatsBucket } from "./stats-shape";
import { rollupConditions, type Plan } from "./stats-plan";
import { incidentConditions, incidentWhere, sql, type Sql } from "./where";

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

/** The time rollup the plan chose, and the filter over it (the plan checked that it can express it). */
function rollupSource(filter: IncidentFilter, plan: Plan): { table: Sql; conditions: Sql[] } {
  const actorRollup = plan.time === "actor-rollup";
  const conditions = rollupConditions(filter, actorRollup ? "actorTime" : "time", plan.actorNames);
  if (!conditions) throw new Error(`the ${plan.time} plan cannot express this filter`);
  return { table: actorRollup ? sql`incident_actor_time_rollup` : sql`incident_time_rollup`, conditions };
}

/**
 * The time series from a time rollup: whole slices of the current and previous periods from the rollup,
 * their partial slices from incident; rows of the previous period get a NULL period as in timeQuery.
 */
export function rollupTimeQuery(filter: IncidentFilter, bucket: StatsBucket, previous: { from: string; to: string } | null, plan: Plan): Sql {
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
export function rollupBoundsQuery(filter: IncidentFilter, plan: Plan): Sql {
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

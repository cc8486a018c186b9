/**
 * The overview's result from its aggregate rows: the time axis with its empty buckets, the key figures and
 * their comparison with the previous period, the top actors and "Other", the actor × region matrix and the
 * map. Pure, so it is the same whichever table (rollup or scan) the rows came from.
 */
import type { IncidentFilter } from "./filters";
import { regionLevel } from "./stats-plan";
import { bucketStarts, relativeChange, type StatsBucket } from "./stats-shape";
import { GROUPING_MASKS } from "./stats-sql";
import { MAP_POINT_CAP, MATRIX_ACTORS, MATRIX_REGIONS, TOP_ACTORS, type BreakdownRow, type MapPoint, type Measure, type OverviewStats, type TimePoint, type TimeRow } from "./stats-types";

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

export type OverviewRows = {
  /** The time aggregate's rows, those of the previous period with a NULL period. */
  time: TimeRow[];
  breakdown: BreakdownRow[];
  points: MapPoint[];
  /** First and last day inside the whole rollup slices, when the time series came from a rollup. */
  bounds: { first: string | null; last: string | null }[];
};

/** The overview of `filter` from its aggregate rows; `compared` and `previousRange` as getOverviewStats computed them. */
export function shapeOverview(
  filter: IncidentFilter,
  bucket: StatsBucket,
  compared: { from: string; to: string } | null,
  previousRange: { from: string; to: string } | null,
  { time: allTimeRows, breakdown, points, bounds }: OverviewRows,
): OverviewStats {
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

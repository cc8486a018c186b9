/**
 * What the overview's aggregates return (getOverviewStats), and the caps of its charts: types only and
 * constants, so the chart components import them without the data layer.
 */
import type { StatsBucket } from "./stats-shape";

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

/** A row of the time aggregate; rows of the previous period have a NULL period. */
export type TimeRow = { period: string | null; eventType: string; incidents: number; fatalities: number; unknown: number; first: string | null; last: string | null };

/** A row of the breakdown's GROUPING SETS (see regroupBreakdown); `grouping` says which set it belongs to. */
export type BreakdownRow = {
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

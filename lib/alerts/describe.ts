/**
 * Why an alert fired, as data: counts, places, actors and figures ("3 new incidents in Kayes (JNIM), 12
 * killed" is this data worded in English). The alert stores it, and each reader sees it worded in their
 * own language (lib/alerts/wording.ts). Pure, so each reason is tested without a database.
 */

export type MatchedIncident = {
  id: number;
  country: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  actorNames: string;
  fatalities: number | null;
};

/** The first names of a list, most frequent first, and how many more there are. */
export type NamedList = { names: string[]; more: number };

export type IncidentsReason = {
  kind: "incidents";
  count: number;
  /** The watch's fatality floor when it alerts on fatalities only. */
  minFatalities: number | null;
  /** Regions (admin1), or the country of an incident with none: proper names, or English country names. */
  places: NamedList;
  actors: NamedList;
  killed: number;
};

export type SurgeSignal =
  | { rule: "week"; level: "admin1" | "admin2" | "actor"; area: string; count: number; average: number; period: string }
  | { rule: "month"; level: "admin1" | "admin2" | "actor"; area: string; fatalities: number; previousHigh: number; period: string };

export type SurgeReason = { kind: "surge"; signals: SurgeSignal[]; more: number };

export type AlertReason = IncidentsReason | SurgeReason;

/** Names shown in a reason before "and N more". */
const SHOWN_NAMES = 2;
/** Surges named in one alert before "and N more". */
const SHOWN_SURGES = 3;

/** Most frequent first, ties in first-seen order. */
function ranked(values: string[]): NamedList {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
  return { names: names.slice(0, SHOWN_NAMES), more: Math.max(0, names.length - SHOWN_NAMES) };
}

export function describeIncidents(incidents: MatchedIncident[], options: { minFatalities?: number | null } = {}): IncidentsReason {
  return {
    kind: "incidents",
    count: incidents.length,
    minFatalities: options.minFatalities || null,
    places: ranked(incidents.map((incident) => incident.admin1 ?? incident.country)),
    actors: ranked(incidents.flatMap((incident) => incident.actorNames.split("; ").filter(Boolean))),
    killed: incidents.reduce((sum, incident) => sum + (incident.fatalities ?? 0), 0),
  };
}

/** One alert's surges: the first few in full, then how many more (each stays in the alert's incidents). */
export function describeSurges(signals: SurgeSignal[]): SurgeReason {
  const shown = signals.slice(0, SHOWN_SURGES).map((signal): SurgeSignal =>
    signal.rule === "week"
      ? { rule: "week", level: signal.level, area: signal.area, count: signal.count, average: Math.round(signal.average * 10) / 10, period: signal.period }
      : { rule: "month", level: signal.level, area: signal.area, fatalities: signal.fatalities, previousHigh: signal.previousHigh, period: signal.period },
  );
  return { kind: "surge", signals: shown, more: Math.max(0, signals.length - SHOWN_SURGES) };
}

/** A stored reason read back from JSON, or null when it is missing or not one this version understands. */
export function parseReason(value: unknown): AlertReason | null {
  if (!value || typeof value !== "object") return null;
  const reason = value as Partial<AlertReason>;
  if (reason.kind === "incidents" && typeof reason.count === "number" && reason.places && reason.actors) return reason as IncidentsReason;
  if (reason.kind === "surge" && Array.isArray(reason.signals)) return reason as SurgeReason;
  return null;
}

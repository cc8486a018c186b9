/**
 * A cheap first pass over an evaluation batch: which incidents a watch cannot possibly match, judged in
 * memory on the plain columns. It only ever rules out (any condition it does not understand — full text,
 * actor types, sources — lets the incident through); the SQL of the filter contract then decides on the
 * rest, so a watch still matches exactly what the table shows. With 1,000 watches and 100 incidents, most
 * (watch, incident) pairs end here instead of in a statement PostgreSQL has to plan.
 */
import type { IncidentFilter } from "@/lib/incidents/filters";

export type BatchIncident = {
  id: number;
  country: string;
  admin1: string | null;
  admin1Reform: string | null;
  admin2: string | null;
  location: string | null;
  eventType: string;
  subEventType: string;
  status: string;
  geoPrecision: number;
  eventDate: string;
  fatalities: number | null;
  mergedIntoId: number | null;
  actorNames: string;
};

export type PrefilterWatch = { filter: IncidentFilter; actorNames: string[] | null; verifiedOnly: boolean; minFatalities: number | null };

/** Each batch incident's actors split once, not once per watch that names actors (hundreds per batch). */
const actorLists = new WeakMap<BatchIncident, string[]>();
function actorsOf(incident: BatchIncident): string[] {
  let names = actorLists.get(incident);
  if (!names) actorLists.set(incident, (names = incident.actorNames.split("; ")));
  return names;
}

const outside = <T>(values: readonly T[], value: T | null) => values.length > 0 && (value === null || !values.includes(value));

export function mayMatch(watch: PrefilterWatch, incident: BatchIncident): boolean {
  const { filter } = watch;
  if (incident.mergedIntoId !== null) return false;
  if (outside(filter.country, incident.country)) return false;
  if (filter.admin1.length && !filter.admin1.includes(incident.admin1 ?? "\u0000") && !filter.admin1.includes(incident.admin1Reform ?? "\u0000")) return false;
  if (outside(filter.admin2, incident.admin2)) return false;
  if (outside(filter.location, incident.location)) return false;
  if (outside(filter.eventType, incident.eventType)) return false;
  if (outside(filter.subEventType, incident.subEventType)) return false;
  if (outside(filter.status as string[], incident.status)) return false;
  if (outside(filter.geoPrecision, incident.geoPrecision)) return false;
  if (filter.from && incident.eventDate < filter.from) return false;
  if (filter.to && incident.eventDate > filter.to) return false;
  if (filter.minFatalities !== undefined && (incident.fatalities === null || incident.fatalities < filter.minFatalities)) return false;
  if (watch.verifiedOnly && incident.status !== "verified") return false;
  if (watch.minFatalities !== null && (incident.fatalities === null || incident.fatalities < watch.minFatalities)) return false;
  if (filter.actor.length && watch.actorNames) {
    const names = actorsOf(incident);
    if (!watch.actorNames.some((name) => names.includes(name))) return false;
  }
  return true;
}

type Column = "admin2" | "location" | "admin1" | "country" | "eventType";
/** The batch's incidents by the values of the columns watches filter on most, most selective first. */
export type BatchIndex = { all: BatchIncident[]; by: Record<Column, Map<string, BatchIncident[]>> };
const INDEXED: Column[] = ["admin2", "location", "admin1", "country", "eventType"];

export function indexBatch(batch: BatchIncident[]): BatchIndex {
  const by = Object.fromEntries(INDEXED.map((column) => [column, new Map<string, BatchIncident[]>()])) as BatchIndex["by"];
  const add = (column: Column, value: string | null, incident: BatchIncident) => {
    if (value === null) return;
    const list = by[column].get(value);
    if (list) list.push(incident);
    else by[column].set(value, [incident]);
  };
  for (const incident of batch) {
    for (const column of INDEXED) if (column !== "admin1") add(column, incident[column], incident);
    // Mali's 2023 regions: an incident is found under its region and under the reform's.
    add("admin1", incident.admin1, incident);
    if (incident.admin1Reform !== incident.admin1) add("admin1", incident.admin1Reform, incident);
  }
  return { all: batch, by };
}

/**
 * The incidents of the batch a watch may match: those holding one of its values in the most selective
 * indexed column it filters on, judged by mayMatch; with 1,000 watches this spares most of the 100,000
 * (watch, incident) pairs a batch would otherwise judge one by one.
 */
export function mayMatchIn(watch: PrefilterWatch, index: BatchIndex): BatchIncident[] {
  const column = INDEXED.find((name) => watch.filter[name].length > 0);
  let incidents = index.all;
  if (column) {
    const values = watch.filter[column];
    // One value lists each incident once; several may list one twice (a region and its reform's).
    if (values.length === 1) incidents = index.by[column].get(values[0]!) ?? [];
    else incidents = [...new Set(values.flatMap((value) => index.by[column].get(value) ?? []))];
  }
  return incidents.filter((incident) => mayMatch(watch, incident));
}

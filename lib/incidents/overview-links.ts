/**
 * Links of the overview: every bar, region and actor adds its value to the current filter (drilling
 * down, on /overview), and every chart links to the table with the same filter (/incidents). Pure, so
 * the click-through is tested without a browser.
 */
import { filterToSearchParams, type IncidentFilter } from "./filters";
import type { StatsBucket } from "./stats-shape";

type ArrayKey = "country" | "admin1" | "admin2" | "actor" | "eventType" | "subEventType";
export type FilterPatch = Partial<Record<ArrayKey, string[]>> & { from?: string; to?: string };

/** The filter with the patch's values added (array parameters) or set (dates); page back to 1. */
export function withFilter(filter: IncidentFilter, patch: FilterPatch): IncidentFilter {
  const next: IncidentFilter = { ...filter, page: 1 };
  for (const [key, values] of Object.entries(patch) as [keyof FilterPatch, string[] | string | undefined][]) {
    if (values === undefined) continue;
    if (key === "from" || key === "to") next[key] = values as string;
    else next[key] = [...new Set([...(filter[key] as string[]), ...(values as string[])])];
  }
  return next;
}

/** /overview with the filter (plus the patch) and the chosen time bucket. */
export function overviewHref(filter: IncidentFilter, patch: FilterPatch = {}, bucket: StatsBucket = "month"): string {
  const params = filterToSearchParams(withFilter(filter, patch));
  if (bucket !== "month") params.set("bucket", bucket);
  const query = params.toString();
  return query ? `/overview?${query}` : "/overview";
}

/** /incidents showing the rows behind a chart (or behind one of its bars, with a patch). */
export function tableHref(filter: IncidentFilter, patch: FilterPatch = {}): string {
  const query = filterToSearchParams(withFilter(filter, patch)).toString();
  return query ? `/incidents?${query}` : "/incidents";
}

/** The last day of the bucket starting on `start`, for a period's click-through (from/to). */
export function bucketEnd(start: string, bucket: StatsBucket): string {
  const date = new Date(`${start}T00:00:00Z`);
  const end = bucket === "week" ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 6) : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return new Date(end).toISOString().slice(0, 10);
}

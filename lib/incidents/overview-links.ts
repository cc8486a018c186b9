/**
 * Links of the overview: every bar, region and actor adds its value to the current filter (drilling
 * down, on /overview), and every chart links to the table with the same filter (/incidents). Pure, so
 * the click-through is tested without a browser.
 */
import type { DimensionName } from "./dimensions";
import { filterToSearchParams, type IncidentFilter } from "./filters";
import type { StatsBucket } from "./stats-shape";

/** The dimensions whose values are text: what a bar, a region or an actor of a chart can add. */
type TextListKey = { [K in DimensionName]: IncidentFilter[K] extends string[] ? K : never }[DimensionName];
export type FilterPatch = Partial<Record<TextListKey, string[]>> & { from?: string; to?: string };

/**
 * The filter with the patch applied: each patched parameter takes the patch's values (dates are set);
 * page back to 1. Values of one parameter are OR-ed, so adding a value to a parameter the filter already
 * has would widen the set instead of narrowing it: callers narrow the patch first (narrowPatch).
 */
export function withFilter(filter: IncidentFilter, patch: FilterPatch): IncidentFilter {
  const next: IncidentFilter = { ...filter, page: 1 };
  for (const [key, values] of Object.entries(patch) as [keyof FilterPatch, string[] | string | undefined][]) {
    if (values === undefined) continue;
    if (key === "from" || key === "to") next[key] = values as string;
    else (next as Record<TextListKey, string[]>)[key] = [...new Set(values as string[])];
  }
  return next;
}

/**
 * The patch of a click, made an exact narrowing of the filter, or null when the filter language cannot
 * express it. A bar's incidents are within the current filter, so a value the filter already lists is
 * kept as the only one (filter Gao + Ménaka, click Gao: Gao). A value outside the filter's list for that
 * parameter cannot be AND-ed: an actor seen alongside the filtered actor, or a region reached through a
 * Mali reform name (filter Nioro shows Kayes). Those bars are shown but not clickable.
 */
export function narrowPatch(filter: IncidentFilter, patch: FilterPatch): FilterPatch | null {
  const narrowed: FilterPatch = {};
  for (const [key, values] of Object.entries(patch) as [keyof FilterPatch, string[] | string | undefined][]) {
    if (values === undefined) continue;
    if (key === "from" || key === "to") {
      narrowed[key] = values as string;
      continue;
    }
    const current = filter[key] as string[];
    const kept = current.length ? (values as string[]).filter((value) => current.includes(value)) : (values as string[]);
    if (!kept.length) return null;
    narrowed[key] = kept;
  }
  return narrowed;
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

/**
 * The drill-down of one bar of the time series: its bucket, clipped to the filter's own dates, so the
 * table shows exactly the bar's incidents even for a first or last bucket the filter only partly covers.
 */
export function periodPatch(filter: IncidentFilter, start: string, bucket: StatsBucket): { from: string; to: string } {
  const end = bucketEnd(start, bucket);
  return { from: filter.from && filter.from > start ? filter.from : start, to: filter.to && filter.to < end ? filter.to : end };
}

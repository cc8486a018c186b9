/**
 * A short-lived cache of overview aggregates, per server process, in front of getOverviewStats.
 *
 * Why: the overview is the costliest thing analysts open (at 100,000 incidents ~40 ms of database CPU
 * and ~15 ms of server CPU for one filter, where a table page costs ~10 + ~10), and in a crisis many
 * analysts open the same few views at once. Measured with the load test (50 analysts), the aggregates were
 * close to half of the database's work.
 *
 * What it trades: figures up to `OVERVIEW_CACHE_SECONDS` (default 15) old while articles keep arriving.
 * The overview says when its figures were computed ("as of"), the API sends `Age`, and corrections made
 * through this process (edits, review, merges) empty the cache at once, so an analyst's own change is
 * never hidden behind it. The table, the export and the data layer itself are never cached: only the
 * page and the stats API read through here. `OVERVIEW_CACHE_SECONDS=0` turns it off.
 *
 * Identical requests arriving while one is computed wait for that one (single flight) instead of each
 * running the same scans. At most MAX_ENTRIES filters are kept; expired entries are dropped as they are
 * met and by a sweep, so memory returns to its baseline once the analysts go quiet.
 */
import { filterToSearchParams, DEFAULT_SORT, type IncidentFilter } from "./filters";
import { getOverviewStats, type OverviewStats, type StatsBucket } from "./stats";
import { env } from "@/lib/env";

const MAX_ENTRIES = 100;

type Entry = { computedAt: number; stats: Promise<OverviewStats> };

const entries = new Map<string, Entry>();
let generation = 0;
let sweeper: NodeJS.Timeout | undefined;

export type CachedOverview = { stats: OverviewStats; computedAt: Date };

function ttlMs(): number {
  return env().OVERVIEW_CACHE_SECONDS * 1000;
}

/** The key of the set of incidents and the time axis: paging and sort change neither. */
export function overviewCacheKey(filter: IncidentFilter, bucket: StatsBucket): string {
  return `${bucket}?${filterToSearchParams({ ...filter, sort: DEFAULT_SORT }).toString()}`;
}

function sweep(now: number, ttl: number): void {
  for (const [key, entry] of entries) if (now - entry.computedAt >= ttl) entries.delete(key);
  if (!entries.size && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/** The overview for a filter, computed at most once per filter every OVERVIEW_CACHE_SECONDS. */
export async function getCachedOverviewStats(filter: IncidentFilter, bucket: StatsBucket): Promise<CachedOverview> {
  const ttl = ttlMs();
  if (!ttl) return { stats: await getOverviewStats(filter, bucket), computedAt: new Date() };
  const now = Date.now();
  const key = overviewCacheKey(filter, bucket);
  const cached = entries.get(key);
  if (cached && now - cached.computedAt < ttl) {
    // Most recently used last, so the oldest in the map is the first to go when it is full.
    entries.delete(key);
    entries.set(key, cached);
    return { stats: await cached.stats, computedAt: new Date(cached.computedAt) };
  }
  const entry: Entry = { computedAt: now, stats: getOverviewStats(filter, bucket) };
  const startedIn = generation;
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  sweeper ??= setInterval(() => sweep(Date.now(), ttlMs() || 1), ttl).unref();
  try {
    return { stats: await entry.stats, computedAt: new Date(now) };
  } catch (error) {
    // A failure (database down, timeout) is not remembered: the next request tries again.
    if (entries.get(key) === entry) entries.delete(key);
    throw error;
  } finally {
    // Invalidated while computing: the result may predate the change, so it serves this request only.
    if (generation !== startedIn && entries.get(key) === entry) entries.delete(key);
  }
}

/** Forgets every cached overview: called by the data layer after a correction made through this process. */
export function invalidateOverviewCache(): void {
  generation++;
  entries.clear();
}

/** Cached filters (for tests). */
export function overviewCacheSize(): number {
  return entries.size;
}

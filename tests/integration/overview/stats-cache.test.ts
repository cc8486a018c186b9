/**
 * The overview's short-lived cache (lib/incidents/stats-cache.ts) on real PostgreSQL: figures are reused
 * within OVERVIEW_CACHE_SECONDS and say when they were computed, computed again after it, shared by
 * concurrent requests, emptied by a correction made through the data layer, and off at 0.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { setIncidentStatus } from "@/lib/incidents/edits";
import { getCachedOverviewStats, invalidateOverviewCache, overviewCacheKey, overviewCacheSize } from "@/lib/incidents/stats-cache";
import { query } from "../db";
import { seedOverviewFixtures } from "./fixtures";

const kayes = parseIncidentFilter(new URLSearchParams("admin1=Kayes"));
const original = process.env.OVERVIEW_CACHE_SECONDS;

/** An incident in Kayes written behind the app's back, as another server process would. */
async function addKayesIncident(): Promise<void> {
  await query(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, geo_precision, updated_at)
     VALUES ('2025-02-01', 'Battles', 'Armed clash', 'Cache test incident', 'Mali', 'Kayes', 2, now())`,
  );
}

async function kayesInDatabase(): Promise<number> {
  const [row] = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM incident WHERE (admin1 = 'Kayes' OR admin1_reform = 'Kayes') AND merged_into_id IS NULL`,
  );
  return row!.count;
}

beforeAll(() => seedOverviewFixtures());

beforeEach(() => {
  process.env.OVERVIEW_CACHE_SECONDS = "30";
  invalidateOverviewCache();
});

afterEach(() => {
  if (original === undefined) delete process.env.OVERVIEW_CACHE_SECONDS;
  else process.env.OVERVIEW_CACHE_SECONDS = original;
  invalidateOverviewCache();
});

describe("the overview cache", () => {
  it("reuses figures within the time limit, with the time they were computed", async () => {
    const first = await getCachedOverviewStats(kayes, "month");
    expect(first.stats.keyFigures.incidents).toBe(await kayesInDatabase());
    await addKayesIncident();
    const second = await getCachedOverviewStats(kayes, "month");
    expect(second.stats).toBe(first.stats);
    expect(second.computedAt.getTime()).toBe(first.computedAt.getTime());
    expect(second.stats.keyFigures.incidents).toBe((await kayesInDatabase()) - 1);
  });

  it("computes the figures again once they are older than OVERVIEW_CACHE_SECONDS", async () => {
    process.env.OVERVIEW_CACHE_SECONDS = "1";
    const first = await getCachedOverviewStats(kayes, "month");
    await addKayesIncident();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await getCachedOverviewStats(kayes, "month");
    expect(later.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
    expect(later.stats.keyFigures.incidents).toBe(first.stats.keyFigures.incidents + 1);
    expect(later.stats.keyFigures.incidents).toBe(await kayesInDatabase());
  });

  it("shares one computation between concurrent requests for the same filter", async () => {
    const [a, b, c] = await Promise.all([
      getCachedOverviewStats(kayes, "month"),
      getCachedOverviewStats(kayes, "month"),
      getCachedOverviewStats(parseIncidentFilter(new URLSearchParams("admin1=Kayes&sort=-fatalities&page=3")), "month"),
    ]);
    expect(b.stats).toBe(a.stats);
    expect(c.stats).toBe(a.stats);
    expect(overviewCacheSize()).toBe(1);
  });

  it("keeps filters and time buckets apart", async () => {
    const monthly = await getCachedOverviewStats(kayes, "month");
    const weekly = await getCachedOverviewStats(kayes, "week");
    const everything = await getCachedOverviewStats(parseIncidentFilter(new URLSearchParams("")), "month");
    expect(weekly.stats.bucket).toBe("week");
    expect(weekly.stats).not.toBe(monthly.stats);
    expect(everything.stats.keyFigures.incidents).toBeGreaterThan(monthly.stats.keyFigures.incidents);
    expect(overviewCacheKey(kayes, "month")).not.toBe(overviewCacheKey(kayes, "week"));
    expect(overviewCacheSize()).toBe(3);
  });

  it("is emptied by a correction made through the data layer, so the analyst sees it at once", async () => {
    const verified = parseIncidentFilter(new URLSearchParams("admin1=Kayes&status=verified"));
    const before = await getCachedOverviewStats(verified, "month");
    const [target] = await query<{ id: number }>(
      `SELECT id FROM incident WHERE admin1 = 'Kayes' AND status <> 'verified' AND merged_into_id IS NULL ORDER BY id LIMIT 1`,
    );
    await setIncidentStatus(target!.id, "verified", null);
    expect(overviewCacheSize()).toBe(0);
    const after = await getCachedOverviewStats(verified, "month");
    expect(after.stats.keyFigures.incidents).toBe(before.stats.keyFigures.incidents + 1);
  });

  it("computes every request afresh when OVERVIEW_CACHE_SECONDS is 0", async () => {
    process.env.OVERVIEW_CACHE_SECONDS = "0";
    const first = await getCachedOverviewStats(kayes, "month");
    await addKayesIncident();
    const second = await getCachedOverviewStats(kayes, "month");
    expect(second.stats.keyFigures.incidents).toBe(first.stats.keyFigures.incidents + 1);
    expect(overviewCacheSize()).toBe(0);
  });
});

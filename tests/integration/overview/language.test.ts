/**
 * The overview for the `language` dimension, which no rollup can express: every aggregate must come from
 * the scan of incident, and its figures must equal the incidents that have a source in that language,
 * counted here straight from the tables.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/incidents/stats/route";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { getOverviewStats, type OverviewStats } from "@/lib/incidents/stats";
import { planOverview } from "@/lib/incidents/stats-plan";
import { query } from "../db";
import { signedInUser, withToken } from "../session";
import { seedOverviewFixtures } from "./fixtures";

beforeAll(async () => {
  await seedOverviewFixtures();
  // One French source for every second incident, one English source for every third: some have both.
  await query(`INSERT INTO source (title, text, content_hash, language)
    SELECT 'Article ' || i.id || ' ' || l.lang, 'Article', encode(sha256(('Article ' || i.id || ' ' || l.lang)::bytea), 'hex'), l.lang
    FROM incident i CROSS JOIN (VALUES ('fr', 2), ('en', 3)) AS l(lang, every) WHERE i.id % l.every = 0`);
  await query(`INSERT INTO incident_source (incident_id, source_id)
    SELECT i.id, s.id FROM incident i JOIN source s ON s.title IN ('Article ' || i.id || ' fr', 'Article ' || i.id || ' en')`);
});

/** What the overview must count, computed without the filter contract. */
async function expected(languages: string[], where = "TRUE"): Promise<{ incidents: number; fatalities: number; byAdmin1: Record<string, number> }> {
  const rows = await query<{ admin1: string | null; incidents: number; fatalities: number }>(
    `SELECT i.admin1, count(*)::int AS incidents, coalesce(sum(i.fatalities), 0)::int AS fatalities
     FROM incident i
     WHERE i.merged_into_id IS NULL AND ${where}
       AND i.id IN (SELECT isrc.incident_id FROM incident_source isrc JOIN source s ON s.id = isrc.source_id WHERE s.language = ANY($1))
     GROUP BY i.admin1`,
    [languages],
  );
  return {
    incidents: rows.reduce((sum, row) => sum + row.incidents, 0),
    fatalities: rows.reduce((sum, row) => sum + row.fatalities, 0),
    byAdmin1: Object.fromEntries(rows.map((row) => [row.admin1 ?? "", row.incidents])),
  };
}

describe("overview by source language", () => {
  it("is planned on the scan for every aggregate, where the same filter without language reads the rollups", () => {
    expect(planOverview(parseIncidentFilter(new URLSearchParams("country=Mali")), true, null)).toMatchObject({ breakdown: "rollup", time: "rollup" });
    expect(planOverview(parseIncidentFilter(new URLSearchParams("country=Mali&language=en")), true, null)).toMatchObject({ breakdown: "scan", time: "scan" });
  });

  it.each([
    ["language=en", ["en"], "TRUE"],
    ["language=fr&language=en", ["fr", "en"], "TRUE"],
    ["language=fr&country=Mali", ["fr"], "i.country = 'Mali'"],
  ])("counts exactly the incidents with a source in that language: ?%s", async (search, languages, where) => {
    const stats = await getOverviewStats(parseIncidentFilter(new URLSearchParams(search)), "month");
    const truth = await expected(languages, where);
    expect(truth.incidents).toBeGreaterThan(0);
    expect(stats.keyFigures.incidents).toBe(truth.incidents);
    expect(stats.keyFigures.fatalities).toBe(truth.fatalities);
    expect(stats.timeSeries.points.reduce((sum, point) => sum + point.incidents, 0)).toBe(truth.incidents);
    const byRegion = Object.fromEntries(stats.byRegion.rows.map((row) => [row.name ?? "", row.incidents]));
    expect(byRegion).toEqual(truth.byAdmin1);
  });

  it("gives the same figures whether the two scans run apart or as one read", async () => {
    const filter = parseIncidentFilter(new URLSearchParams("language=en&from=2024-03-01"));
    expect(await getOverviewStats(filter, "week", { onePass: true })).toEqual(await getOverviewStats(filter, "week", { onePass: false }));
  });

  it("answers GET /api/incidents/stats?language=fr with those figures", async () => {
    const viewer = await signedInUser("viewer");
    const response = await GET(new Request("http://localhost/api/incidents/stats?language=fr", withToken(viewer.token)));
    expect(response.status).toBe(200);
    const body = (await response.json()) as OverviewStats;
    expect(body.keyFigures.incidents).toBe((await expected(["fr"])).incidents);
  });
});

/**
 * Surges from synthetic weekly counts on real PostgreSQL: the ACLED weekly rule fires where the last 7 days
 * hold twice the 4-week average, not where the area averages under one incident a week; the monthly rule
 * fires on a 12-month high of fatalities above the minimum, not below it; a surge alerts once.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeSurges, evaluateSurgeWatches, isoWeek } from "@/lib/alerts/surge";
import { createWatch } from "@/lib/alerts/queries";
import { query, resetDatabase } from "../db";
import { signedInUser, type Caller } from "../session";
import { alertRows, resetAlerts } from "./helpers";

const AS_OF = "2025-06-30";
let analyst: Caller;

/** `count` incidents in `admin1`, `daysAgo` days before AS_OF (0 is AS_OF itself). */
async function incidents(admin1: string, daysAgo: number[], options: { fatalities?: number; actor?: string } = {}) {
  await query(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, fatalities, actor_names, updated_at)
     SELECT $1::date - d, 'Battles', 'Armed clash', 'synthetic', 'Mali', $2, $3, $4, now() FROM unnest($5::int[]) d`,
    [AS_OF, admin1, options.fatalities ?? null, options.actor ?? "", daysAgo],
  );
}

const days = (count: number, from: number, to: number) => Array.from({ length: count }, (_, index) => from + (index % (to - from + 1)));

beforeAll(async () => {
  await resetDatabase();
  analyst = await signedInUser("analyst");
});

beforeEach(async () => {
  await resetAlerts();
  await query(`TRUNCATE incident RESTART IDENTITY CASCADE`);
  // Mopti: 14 incidents in the 4 weeks before (3.5 a week), 9 in the last 7 days: a surge.
  await incidents("Mopti", days(14, 7, 34));
  await incidents("Mopti", days(9, 0, 6), { actor: "JNIM" });
  // Kayes: 2 in the 4 weeks before (0.5 a week, under the minimum), 3 this week: no surge.
  await incidents("Kayes", days(2, 7, 34));
  await incidents("Kayes", days(3, 0, 6));
  // Ségou: 3 a week before, 5 this week: less than double.
  await incidents("Ségou", days(12, 7, 34));
  await incidents("Ségou", days(5, 0, 6));
  // Gao: 8 killed at most in a month before; 15 this month, the most in 12 months and over 10.
  await incidents("Gao", [60, 90], { fatalities: 4 });
  await incidents("Gao", [100], { fatalities: 8 });
  await incidents("Gao", [2, 20], { fatalities: 7 });
  await incidents("Gao", [25], { fatalities: 1 });
  // Tombouctou: 9 killed this month, its highest, but under the minimum of 10.
  await incidents("Tombouctou", [3], { fatalities: 9 });
});

describe("surge detection", () => {
  it("finds the weekly surge and the monthly high, and nothing below the minimums", async () => {
    const surges = await computeSurges(null, AS_OF, { weekRatio: 2, weekMinAverage: 1, monthMinFatalities: 10 });
    const summary = surges.map((surge) => (surge.rule === "week" ? [surge.rule, surge.level, surge.area, surge.count, surge.average] : [surge.rule, surge.level, surge.area, surge.fatalities, surge.previousHigh]));
    expect(summary).toEqual([
      ["week", "admin1", "Mopti", 9, 3.5],
      ["month", "admin1", "Gao", 15, 8],
    ]);
    expect(surges[0]!.incidentIds).toHaveLength(9);
    expect(surges[0]!.period).toBe(isoWeek(AS_OF));
    expect(isoWeek(AS_OF)).toBe("2025-W27");
  });

  it("follows the thresholds in the settings", async () => {
    const lenient = await computeSurges(null, AS_OF, { weekRatio: 1.5, weekMinAverage: 0.5, monthMinFatalities: 9 });
    expect(lenient.map((surge) => `${surge.rule}:${surge.area}`).sort()).toEqual(["month:Gao", "month:Tombouctou", "week:Gao", "week:Kayes", "week:Mopti", "week:Ségou"]);
  });

  it("a surge watch alerts once, saying why", async () => {
    process.env.SURGE_MONTH_MIN_FATALITIES = "10";
    try {
      const watch = await createWatch(analyst.user, { name: "Mali surges", query: "country=Mali", condition: "surge" });
      await evaluateSurgeWatches({ asOf: AS_OF });
      await evaluateSurgeWatches({ asOf: AS_OF });
      const alerts = await alertRows();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ watch_id: watch.id, kind: "surge" });
      expect(alerts[0]!.title).toBe("Mopti: 9 incidents this week against a 4-week average of 3.5; Gao: 15 killed this month, the most in 12 months (previous high 8)");
      // The 9 incidents of Mopti's week and the 3 of Gao's month.
      expect(alerts[0]!.incident_ids.length).toBe(9 + 3);
    } finally {
      delete process.env.SURGE_MONTH_MIN_FATALITIES;
    }
  });
});

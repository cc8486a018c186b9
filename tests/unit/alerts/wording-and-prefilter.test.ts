import { describe, expect, it } from "vitest";
import { describeIncidents, describeSurge, surgeRuleText } from "@/lib/alerts/describe";
import { mayMatch, type BatchIncident } from "@/lib/alerts/prefilter";
import { isoWeek } from "@/lib/alerts/surge";
import { signBody } from "@/lib/alerts/deliver";
import { parseIncidentFilter } from "@/lib/incidents/filters";

const incident = (overrides: Partial<BatchIncident> = {}): BatchIncident => ({
  id: 1, country: "Mali", admin1: "Kayes", admin1Reform: "Nioro", admin2: "Nioro du Sahel", location: "Sandaré", eventType: "Battles",
  subEventType: "Armed clash", status: "unverified", geoPrecision: 1, eventDate: "2025-03-03", fatalities: 12, mergedIntoId: null,
  actorNames: "JNIM; Military Forces of Mali", ...overrides,
});
const watch = (query: string, extra: { actorNames?: string[] | null; verifiedOnly?: boolean; minFatalities?: number | null } = {}) => ({
  filter: parseIncidentFilter(new URLSearchParams(query)), actorNames: extra.actorNames ?? null, verifiedOnly: extra.verifiedOnly ?? false, minFatalities: extra.minFatalities ?? null,
});

describe("alert wording", () => {
  it("names count, places, actors and the toll", () => {
    const rows = [
      { id: 1, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: 5 },
      { id: 2, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: 7 },
      { id: 3, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: null },
    ];
    expect(describeIncidents(rows)).toBe("3 new incidents in Kayes (JNIM), 12 killed");
    expect(describeIncidents(rows.slice(2))).toBe("1 new incident in Kayes (JNIM)");
  });

  it("says why a surge fired", () => {
    expect(describeSurge({ rule: "week", level: "admin1", area: "Mopti", count: 9, average: 3.5, period: "2025-W27" })).toBe("Mopti: 9 incidents this week against a 4-week average of 3.5");
    expect(describeSurge({ rule: "month", level: "admin2", area: "Gao", fatalities: 40, previousHigh: 18, period: "2025-06" })).toBe("Gao: 40 killed this month, the most in 12 months (previous high 18)");
    expect(surgeRuleText({ weekRatio: 2, weekMinAverage: 1, monthMinFatalities: 10 })).toContain("at least 2× the average weekly incidents of the 4 weeks before");
  });

  it("numbers ISO weeks across year ends", () => {
    expect(isoWeek("2025-06-30")).toBe("2025-W27");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2021-01-03")).toBe("2020-W53");
  });

  it("signs a body with HMAC-SHA256 as sha256=<hex>", () => {
    expect(signBody("key", "The quick brown fox jumps over the lazy dog")).toBe("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  });
});

describe("the evaluation prefilter", () => {
  it("rules out what cannot match on plain columns", () => {
    expect(mayMatch(watch("admin1=Mopti"), incident())).toBe(false);
    expect(mayMatch(watch("country=Niger"), incident())).toBe(false);
    expect(mayMatch(watch("from=2025-04-01"), incident())).toBe(false);
    expect(mayMatch(watch("minFatalities=13"), incident())).toBe(false);
    expect(mayMatch(watch("", { verifiedOnly: true }), incident())).toBe(false);
    expect(mayMatch(watch("", { minFatalities: 20 }), incident({ fatalities: null }))).toBe(false);
    expect(mayMatch(watch("actor=GSIM", { actorNames: ["Islamic State Sahel"] }), incident())).toBe(false);
    expect(mayMatch(watch(""), incident({ mergedIntoId: 9 }))).toBe(false);
  });

  it("lets through what the SQL must decide, and what may match", () => {
    expect(mayMatch(watch("admin1=Nioro"), incident())).toBe(true);
    expect(mayMatch(watch("admin1=Kayes&actor=GSIM", { actorNames: ["JNIM"] }), incident())).toBe(true);
    expect(mayMatch(watch("q=poste&actorType=2&source=4"), incident())).toBe(true);
    expect(mayMatch(watch("from=2025-03-03&to=2025-03-03&minFatalities=12&status=unverified&geoPrecision=1"), incident())).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { describeIncidents, describeSurges, parseReason } from "@/lib/alerts/describe";
import { englishTitle, reasonWords } from "@/lib/alerts/wording";
import fr from "@/lib/i18n/messages/fr.json";
import type { Messages } from "@/lib/i18n/messages";
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
  const rows = [
    { id: 1, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: 5 },
    { id: 2, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: 7 },
    { id: 3, country: "Mali", admin1: "Kayes", admin2: null, location: null, actorNames: "JNIM", fatalities: null },
  ];
  const french = reasonWords("fr", fr as unknown as Messages);

  it("names count, places, actors and the toll, in English and in French", () => {
    expect(englishTitle(describeIncidents(rows))).toBe("3 new incidents in Kayes (JNIM), 12 killed");
    expect(englishTitle(describeIncidents(rows.slice(2)))).toBe("1 new incident in Kayes (JNIM)");
    expect(french(describeIncidents(rows))).toBe("3 nouveaux incidents : Kayes (JNIM), 12 morts");
    expect(french(describeIncidents(rows.slice(2)))).toBe("1 nouvel incident : Kayes (JNIM)");
  });

  it("keeps the reason as data: the first two places and actors, how many more, the floor", () => {
    const many = [
      ...rows,
      { id: 4, country: "Burkina Faso", admin1: null, admin2: null, location: null, actorNames: "GSIM; Military Forces of Burkina Faso", fatalities: 1234 },
      { id: 5, country: "Senegal", admin1: null, admin2: null, location: null, actorNames: "ISSP", fatalities: 0 },
    ];
    const reason = describeIncidents(many, { minFatalities: 5 });
    expect(reason).toEqual({ kind: "incidents", count: 5, minFatalities: 5, places: { names: ["Kayes", "Burkina Faso"], more: 1 }, actors: { names: ["JNIM", "GSIM"], more: 2 }, killed: 1246 });
    expect(englishTitle(reason)).toBe("5 new incidents with 5 or more killed in Kayes, Burkina Faso and 1 more (JNIM, GSIM and 2 more), 1,246 killed");
    // Country names in the reader's language, numbers written the French way; regions and actors keep their names.
    expect(french(reason).replace(/\u202f/g, " ")).toBe("5 nouveaux incidents d’au moins 5 morts : Kayes, Burkina Faso et 1 autre (JNIM, GSIM et 2 autres), 1 246 morts");
    expect(french(describeIncidents([many[4]!]))).toBe("1 nouvel incident : Sénégal (ISSP)");
  });

  it("says why a surge fired", () => {
    const week = describeSurges([{ rule: "week", level: "admin1", area: "Mopti", count: 9, average: 3.5, period: "2025-W27" }]);
    const month = describeSurges([{ rule: "month", level: "admin2", area: "Gao", fatalities: 40, previousHigh: 18, period: "2025-06" }]);
    expect(englishTitle(week)).toBe("Mopti: 9 incidents this week against a 4-week average of 3.5");
    expect(englishTitle(month)).toBe("Gao: 40 killed this month, the most in 12 months (previous high 18)");
    expect(french(week)).toBe("Mopti : 9 incidents cette semaine pour une moyenne de 3,5 sur 4 semaines");
    expect(french(month)).toBe("Gao : 40 morts ce mois-ci, le plus en 12 mois (précédent record 18)");
  });

  it("names the first three surges of an alert and counts the others", () => {
    const signals = ["Mopti", "Ségou", "Gao", "Kidal", "Tombouctou"].map((area) => ({ rule: "week" as const, level: "admin1" as const, area, count: 8, average: 2.25, period: "2025-W27" }));
    const reason = describeSurges(signals);
    expect(reason.signals.map((signal) => signal.area)).toEqual(["Mopti", "Ségou", "Gao"]);
    expect(reason.more).toBe(2);
    expect(englishTitle(reason)).toBe(
      "Mopti: 8 incidents this week against a 4-week average of 2.3; Ségou: 8 incidents this week against a 4-week average of 2.3; Gao: 8 incidents this week against a 4-week average of 2.3; and 2 more",
    );
    expect(french(reason)).toMatch(/^Mopti : 8 incidents .* ; Gao : 8 incidents cette semaine pour une moyenne de 2,3 sur 4 semaines ; et 2 autres$/);
  });

  it("reads back only reasons it understands", () => {
    expect(parseReason(describeIncidents(rows))).toEqual(describeIncidents(rows));
    expect(parseReason(null)).toBeNull();
    expect(parseReason({ kind: "something else" })).toBeNull();
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

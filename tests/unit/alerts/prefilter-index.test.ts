import { describe, expect, it } from "vitest";
import { indexBatch, mayMatch, mayMatchIn, type BatchIncident } from "@/lib/alerts/prefilter";
import { parseIncidentFilter } from "@/lib/incidents/filters";

const base: BatchIncident = {
  id: 0, country: "Mali", admin1: "Kayes", admin1Reform: "Nioro", admin2: "Nioro du Sahel", location: "Sandaré", eventType: "Battles",
  subEventType: "Armed clash", status: "unverified", geoPrecision: 1, eventDate: "2025-03-03", fatalities: 12, mergedIntoId: null,
  actorNames: "JNIM; Military Forces of Mali",
};
const batch: BatchIncident[] = [
  base,
  { ...base, admin1: "Mopti", admin1Reform: null, admin2: "Bandiagara", location: null, actorNames: "Dan Na Ambassagou" },
  { ...base, country: "Niger", admin1: "Tillaberi", admin1Reform: null, admin2: null, location: "Tera", eventType: "Protests" },
  { ...base, admin1: "Kayes", admin1Reform: "Kayes", admin2: "Kita", location: "Kita", fatalities: null },
  { ...base, mergedIntoId: 1 },
  { ...base, admin1: null, admin1Reform: null, admin2: null, location: null },
].map((incident, index) => ({ ...incident, id: index + 1 }));
const watch = (query: string) => ({ filter: parseIncidentFilter(new URLSearchParams(query)), actorNames: null, verifiedOnly: false, minFatalities: null });

describe("the prefilter over an indexed batch", () => {
  it("keeps exactly the incidents mayMatch keeps, for each indexed column, the reform's regions and none", () => {
    const index = indexBatch(batch);
    const queries = [
      "", "admin1=Kayes", "admin1=Nioro", "admin1=Kayes&admin1=Nioro", "admin1=Mopti&eventType=Battles", "admin2=Kita&admin2=Bandiagara",
      "location=Tera", "country=Mali", "country=Niger&country=Mali", "eventType=Protests", "minFatalities=5", "admin1=Gao", "q=attaque",
    ];
    let kept = 0;
    for (const query of queries) {
      const expected = batch.filter((incident) => mayMatch(watch(query), incident)).map((incident) => incident.id);
      const found = mayMatchIn(watch(query), index).map((incident) => incident.id).sort((a, b) => a - b);
      expect({ query, ids: found }).toEqual({ query, ids: expected });
      kept += found.length;
    }
    expect(kept).toBeGreaterThan(queries.length);
  });
});

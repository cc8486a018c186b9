import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { extractArticle, type ExtractedIncident } from "../../../lib/ingest/pipeline";

const text = readFileSync(new URL("../../../../shared/fixtures/abamako-2025-05-19-mali-senegal.txt", import.meta.url), "utf8");
const result = extractArticle({ text });
const names = (i: ExtractedIncident) => i.actors.map((a) => a.name);
const find = (pred: (i: ExtractedIncident) => boolean) => {
  const found = result.incidents.find(pred);
  expect(found).toBeDefined();
  return found!;
};

describe("abamako 2025-05-19 Mali-Senegal article", () => {
  it("reads the title and publication date from the header", () => {
    expect(result.source.publishedAt).toBe("2025-05-19");
    expect(result.source.language).toBe("fr");
    expect(result.source.title).toMatch(/^Axe Mali–Sénégal : Le général Birame Diop à Bamako/);
  });

  it("codes the Sandaré attack as a battle on 17 May by an unidentified armed group", () => {
    const i = find((x) => x.location === "Sandaré");
    expect(i).toMatchObject({ eventDate: "2025-05-17", datePrecision: "day", eventType: "Battles", country: "Mali", admin1: "Kayes", geoPrecision: 1 });
    expect(names(i)).toEqual(["Unidentified Armed Group"]);
    expect(names(i)).not.toContain("JNIM");
  });

  it("codes the Diboli joint patrols from February 2025 with both armies", () => {
    const i = find((x) => x.location === "Diboli");
    expect(i).toMatchObject({ eventDate: "2025-02-01", datePrecision: "month", eventType: "Strategic developments", country: "Mali", admin1: "Kayes" });
    expect(names(i)).toEqual(expect.arrayContaining(["Military Forces of Mali", "Military Forces of Senegal"]));
  });

  it("codes the Bamako visit on 19 May with both governments", () => {
    const i = find((x) => x.location === "Bamako");
    expect(i).toMatchObject({ eventDate: "2025-05-19", datePrecision: "day", eventType: "Strategic developments", country: "Mali" });
    expect(names(i)).toEqual(expect.arrayContaining(["Government of Mali", "Government of Senegal"]));
  });

  it("codes the JNIM killing of a religious guide as violence against civilians with one death", () => {
    const i = find((x) => names(x).includes("JNIM"));
    expect(i.eventType).toBe("Violence against civilians");
    expect(i.fatalities).toBe(1);
  });

  it("dates the other developments with their own precision", () => {
    expect(find((x) => x.subEventType === "Agreement")).toMatchObject({ eventDate: "2021-01-01", datePrecision: "year" });
    expect(find((x) => x.country === "Mauritania")).toMatchObject({ eventDate: "2024-09-01", datePrecision: "month" });
    const withdrawal = find((x) => names(x).some((n) => n.startsWith("ECOWAS")));
    expect(withdrawal).toMatchObject({ eventDate: "2025-01-01", datePrecision: "month", eventType: "Strategic developments" });
  });

  it("never invents a fatality count of zero", () => {
    for (const i of result.incidents) expect(i.fatalities === null || i.fatalities > 0).toBe(true);
  });

  it("backs every incident with evidence sentences that slice the text exactly", () => {
    expect(result.incidents.length).toBeGreaterThanOrEqual(7);
    for (const i of result.incidents) {
      expect(i.evidence.some((e) => e.field === "eventType")).toBe(true);
      for (const e of i.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});

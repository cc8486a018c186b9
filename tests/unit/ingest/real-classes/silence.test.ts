import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt: "2025-06-12", language }).incidents;

describe("staying silent when nothing happened", () => {
  it("reads a prefect's decree as no arrest", () => {
    expect(extract("Le préfet a pris mardi un arrêté interdisant la circulation des tricycles dans la ville de Mopti.")).toEqual([]);
  });

  it("still reads suspects arrested as an arrest", () => {
    const [i] = extract("Mardi, trois suspects ont été arrêtés par la gendarmerie à Mopti.");
    expect(i?.subEventType).toBe("Arrests");
  });

  it("reads a deployment to guard against incursions as no battle", () => {
    const incidents = extract("Troops were sent on Tuesday to the border town of Kidira to guard against any incursion by armed groups.", "en");
    expect(incidents.filter((i) => i.eventType === "Battles")).toEqual([]);
  });

  it("reads border reinforcement to prevent attacks as no battle", () => {
    const incidents = extract("Mardi, l'armée a renforcé ses positions à Kidira pour prévenir toute attaque jihadiste.");
    expect(incidents.filter((i) => i.eventType === "Battles")).toEqual([]);
  });

  it("makes no incident of an attack recalled with 'rappelons que'", () => {
    expect(extract("Rappelons que le 12 mai, une attaque contre le poste de Boni avait fait dix morts.")).toEqual([]);
  });

  it("makes no incident of an attack recalled on its anniversary", () => {
    expect(extract("Il y a un an jour pour jour, des hommes armés attaquaient le village de Boni, tuant douze civils.")).toEqual([]);
  });
});

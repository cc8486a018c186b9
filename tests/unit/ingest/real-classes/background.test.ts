import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string, publishedAt = "2025-06-12", language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt, language }).incidents;

describe("background recaps", () => {
  it("drops a violent event the text dates months before publication and keeps the new one", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le poste de Boni, tuant trois soldats.\n\nEn janvier 2024 déjà, une attaque contre Boni avait tué sept gendarmes.",
    );
    expect(incidents.map((i) => i.eventDate)).toEqual(["2025-06-10"]);
  });

  it("keeps a violent event of the last weeks", () => {
    const incidents = extract("Le 20 mai, des hommes armés ont attaqué le poste de Boni, tuant trois soldats.");
    expect(incidents.map((i) => i.eventDate)).toEqual(["2025-05-20"]);
  });

  it("keeps a development dated by its start, however old", () => {
    const incidents = extract("En février, le Mali et le Sénégal ont signé un accord de coopération militaire à Bamako.", "2025-07-30");
    expect(incidents.map((i) => [i.subEventType, i.eventDate])).toEqual([["Agreement", "2025-02-01"]]);
  });
});

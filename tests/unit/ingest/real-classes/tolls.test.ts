import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt: "2025-06-12", language }).incidents;

describe("an incident's toll", () => {
  it("ignores a running total since a year", () => {
    const [i] = extract("Mardi, des hommes armés ont tué quatre civils à Boni. Les violences ont fait plus de 8 000 morts depuis 2015 dans le pays.");
    expect(i?.fatalities).toBe(4);
  });

  it("ignores a figure the attack only brings a total to", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le village de Boni. Cette attaque porte à 150 le nombre de civils tués dans la région.");
    expect(i?.fatalities).toBeNull();
  });

  it("takes the toll opening the next paragraph", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le village de Boni.\n\nLe bilan est de six morts, selon un élu local.");
    expect(i?.fatalities).toBe(6);
  });
});

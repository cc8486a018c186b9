import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt: "2025-06-12", language }).incidents;

describe("an unlisted village named the ways real text names it", () => {
  it("reads 'X, un village de la région de Y' as the village", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué Tinkari, un village de la région de Mopti, tuant cinq civils.");
    expect(i).toMatchObject({ location: "Tinkari", admin1: "Mopti", geoPrecision: 2 });
  });

  it("reads 'X, une localité située à 30 km de Y' as the locality, not the landmark", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué Tinkari, une localité située à 30 km de Bandiagara, tuant cinq civils.");
    expect(i).toMatchObject({ location: "Tinkari", admin2: "Bandiagara" });
  });

  it("reads the English 'X village' as the village", () => {
    const [i] = extract("On Tuesday gunmen attacked Tinkari village in Mopti region, killing five civilians.", "en");
    expect(i).toMatchObject({ location: "Tinkari", admin1: "Mopti" });
  });

  it("reads the English 'in X' around violence as the place", () => {
    const [i] = extract("On Tuesday, gunmen killed five civilians in Tinkari, 30 km from Bandiagara.", "en");
    expect(i?.location).toBe("Tinkari");
  });

  it("does not read a month after 'in' as a place", () => {
    const [i] = extract("Gunmen killed five civilians in Bandiagara district in March.", "en");
    expect(i?.location).not.toBe("March");
  });
});

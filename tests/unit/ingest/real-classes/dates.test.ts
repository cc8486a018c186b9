import { describe, it, expect } from "vitest";
import { findDates } from "../../../../lib/ingest/dates";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const first = (text: string, language: "fr" | "en", publishedAt: string) => findDates(text, language, publishedAt)[0]?.date;

describe("dates without a written year", () => {
  it("does not read a count after the day as a two-digit year", () => {
    expect(first("On 14 May, 14 soldiers were killed near Boni.", "en", "2025-06-02")).toBe("2025-05-14");
    expect(first("On May 14, 12 soldiers were killed near Boni.", "en", "2025-06-02")).toBe("2025-05-14");
  });

  it("takes the most recent day on or before publication that has the weekday written", () => {
    // 4 September 2025 is a Thursday; the last Wednesday 4 September before publication is in 2024.
    expect(first("L'attaque a eu lieu le mercredi 4 septembre à Boni.", "fr", "2025-09-10")).toBe("2024-09-04");
    expect(first("L'attaque a eu lieu le mardi 23 juin dernier à Boni.", "fr", "2026-07-01")).toBe("2026-06-23");
  });

  it("keeps a written year as written", () => {
    expect(first("L'attaque a eu lieu le mercredi 4 septembre 2025 à Boni.", "fr", "2025-09-10")).toBe("2025-09-04");
  });
});

describe("a date set off by commas", () => {
  it("dates the event of the clause beside it, so another dated event stays apart", () => {
    const incidents = extractArticle({
      text: "Niger : près de vingt villageois ont été tués, mardi matin, par des hommes armés à Kobourou.\n\nPar ailleurs, l'armée a neutralisé une quarantaine de terroristes, le 2 juin dernier, à Tchoma Bangou.",
      publishedAt: "2025-06-12",
      language: "fr",
    }).incidents;
    expect(incidents.map((i) => [i.eventDate, i.fatalities])).toEqual([
      ["2025-06-10", 20],
      ["2025-06-02", 40],
    ]);
  });
});

describe("a date after a label", () => {
  it("dates the sentence from 'Mali : le 10 juin,' as from an opening date", () => {
    const [i] = extractArticle({ text: "Mali : le 10 juin, les FAMa ont procédé à des frappes aériennes à Samou, dans le cercle de Bankass.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.eventDate).toBe("2025-06-10");
    expect(i?.eventType).toBe("Explosions/Remote violence");
  });
});

import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string) => extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

describe("an event told twice", () => {
  it("makes one incident when a later paragraph retells the same attack", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le poste militaire de Boni, tuant trois soldats.\n\nLe maire a dénoncé la situation sécuritaire.\n\nSelon une source sécuritaire, des assaillants à moto ont attaqué le poste de Boni et tué quatre soldats.",
    );
    expect(incidents.filter((i) => i.eventType === "Battles")).toHaveLength(1);
    expect(incidents[0]?.fatalities).toBe(4);
  });

  it("keeps two attacks on different days at the same place apart", () => {
    const incidents = extract("Lundi, des hommes armés ont attaqué le poste de Boni.\n\nLe maire a dénoncé la situation.\n\nMardi, des hommes armés ont de nouveau attaqué le poste de Boni.");
    expect(incidents.filter((i) => i.eventType === "Battles")).toHaveLength(2);
  });
});

describe("a headline announcing the body's event", () => {
  it("makes no incident of its own when the body tells the event", () => {
    const incidents = extract(
      "Douentza : huit civils tués dans une attaque\nMardi, des hommes armés ont attaqué le village de Dalla, dans le cercle de Douentza, tuant huit civils.",
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.location).toBe("Dalla");
  });

  it("lends its toll to the body's one event when the body gives none", () => {
    const incidents = extract("Mali : douze morts dans une attaque contre un poste militaire\nMardi, des hommes armés ont attaqué le poste militaire de Boni.");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.fatalities).toBe(12);
  });

  it("stays an incident when the body tells no violence", () => {
    const incidents = extract("Attaque à Boni : huit morts mardi\nLe gouverneur de la région a appelé au calme. Une réunion se tiendra jeudi.");
    expect(incidents.filter((i) => i.eventType !== "Strategic developments")).toHaveLength(1);
  });
});

describe("a summary sentence of the placed event", () => {
  it("adds no country-level incident beside the placed one, even of another armed type", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le poste militaire de Boni, dans le cercle de Douentza.\n\nAu Mali, six civils qui se trouvaient près du poste ont été tués, selon une source locale.",
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.location).toBe("Boni");
  });
});

describe("a headline over a body telling one event", () => {
  it("folds into that event even when it names a town near it", () => {
    const incidents = extract("Dix civils tués dans une attaque près de Boni\nMardi, des hommes armés ont attaqué le village de Tiguila, dans le cercle de Douentza, tuant dix civils.");
    expect(incidents.map((i) => i.location)).toEqual(["Tiguila"]);
  });
});

describe("two tellings with no locality", () => {
  it("makes one incident of an attack told twice in the same region, dated by the telling that fixes the day", () => {
    const text =
      "At least six soldiers were killed in central Mali this week during an attack by JNIM, according to a statement by the group.\n\nA local security official confirmed an attack on soldiers on Thursday in the Mopti region.";
    const incidents = extractArticle({ text, publishedAt: "2025-06-14", language: "en" }).incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.eventDate).toBe("2025-06-12");
    expect(incidents[0]?.actors.find((a) => a.role === "actor1")?.name).toBe("JNIM");
    expect(incidents[0]?.actors.map((a) => a.name)).not.toContain("Unidentified Armed Group");
  });
});

describe("charges about a record", () => {
  it("makes no incident of 'faced allegations of carrying out raids and drone strikes'", () => {
    expect(extractArticle({ text: "The Wagner Group in Mali has faced allegations of carrying out deadly raids and drone strikes against civilians.", publishedAt: "2025-06-14", language: "en" }).incidents).toEqual([]);
  });
});

import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string, language: "fr" | "en" = "fr", publishedAt = "2025-06-12") => extractArticle({ text, publishedAt, language }).incidents;

describe("places that only situate the event", () => {
  it("takes the attacked town, not the town its distance is measured from", () => {
    const [i] = extract("Mardi, Boni, une localité située à 90 km de Douentza, a été attaquée par des hommes armés.");
    expect(i?.location).toBe("Boni");
  });

  it("takes the attacked town over the city it lies north of, in English", () => {
    const [i] = extract("On Tuesday Boni, a town 90 km east of Douentza, was attacked by gunmen.", "en");
    expect(i?.location).toBe("Boni");
  });

  it("codes an ambush between two towns at the first, with geo precision 2", () => {
    const [i] = extract("Mardi, un convoi militaire est tombé dans une embuscade entre Douentza et Boni.");
    expect(i).toMatchObject({ location: "Douentza", geoPrecision: 2 });
  });

  it("never takes the city of a wire dateline as the place", () => {
    const [i] = extract("BAMAKO, 11 juin (AFP) - Des hommes armés ont attaqué mardi le poste de Boni, tuant deux soldats.");
    expect(i?.location).toBe("Boni");
    const [j] = extract("Des hommes armés ont attaqué mardi un poste militaire.\n\nMOPTI, 11 juin (AFP) - Deux soldats ont été tués, selon l'armée.");
    expect(j?.location).not.toBe("Mopti");
  });

  it("places an unlisted village in the region the sentence names, not in the town a distance is measured from", () => {
    const [i] = extractArticle({ text: "Niger: gunmen killed two civilians on Tuesday in the locality of Kobourou, Tillabéri region (about 60 km from Niamey).", publishedAt: "2025-06-12", language: "en" }).incidents;
    expect(i?.location).toBe("Kobourou");
    expect(i?.admin1).toBe("Tillaberi");
  });

  it("knows a bare dateline, a city and a spaced dash, but not a country heading a headline", () => {
    const [i] = extractArticle({ text: "OUAGADOUGOU - Suspected jihadists killed 16 villagers in northern Burkina Faso on Monday.", publishedAt: "2025-06-12", language: "en" }).incidents;
    expect(i?.location).toBeNull();
    const [j] = extract("Mali – Des hommes armés ont tué cinq civils mardi dans le centre du pays.");
    expect(j?.country).toBe("Mali");
  });

  it("never takes the capital a village is so many km from for the scene", () => {
    const [i] = extractArticle({ text: "Burkina Faso: gunmen attacked the village of Kobourou, about 200km north of the capital Ouagadougou, and killed 16 villagers on Monday.", publishedAt: "2025-06-12", language: "en" }).incidents;
    expect(i?.location).toBe("Kobourou");
    // Named only as the town a distance is measured from, the capital is near the scene, not the scene.
    const [j] = extractArticle({ text: "Burkina Faso: gunmen killed 16 villagers about 200km north of the capital Ouagadougou on Monday.", publishedAt: "2025-06-12", language: "en" }).incidents;
    expect(j?.geoPrecision).toBe(2);
  });

  it("knows a dateline by its form whatever the agency: a publisher in parentheses, or the agency first", () => {
    const [i] = extract("Bamako, Mali, 11 juin (Sahelpresse) - Deux soldats ont été tués mardi lors d'une attaque dans le centre du pays.");
    expect(i?.location).toBeNull();
    const [j] = extract("APA – Bamako (Mali) – Two soldiers were killed in an attack in central Mali on Tuesday.", "en");
    expect(j?.location).toBeNull();
  });
});

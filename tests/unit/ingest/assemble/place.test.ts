import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../../lib/ingest/pipeline";
import { collectFacts } from "../../../../lib/ingest/assemble/facts";
import { findUnknownPlace, listedSpots, parentheticalPlaces } from "../../../../lib/ingest/assemble/place";
import { findPlaces } from "../../../../lib/ingest/gazetteer";

const extract = (text: string, publishedAt: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt, language }).incidents;
const where = (i: ExtractedIncident | undefined) =>
  i && { country: i.country, admin1: i.admin1, admin2: i.admin2, location: i.location, latitude: i.latitude, longitude: i.longitude, geoPrecision: i.geoPrecision };

describe("unlisted places (the contract: a location, no coordinates)", () => {
  it("keeps an incident in a village the gazetteer lacks, with the region the sentence names", () => {
    const [i] = extract("Vendredi, des individus armés ont tué deux cultivateurs dans le village de Zarbouga, région de Ségou.", "2025-04-06");
    expect(where(i)).toEqual({ country: "Mali", admin1: "Segou", admin2: null, location: "Zarbouga", latitude: null, longitude: null, geoPrecision: 2 });
  });

  it("reads 'dans la localité de' with its accent and takes the district of the town it is near", () => {
    const [i] = extract("Des assaillants ont incendié des greniers et tué un berger dans la localité de Wendou-Bali, près de Djibo, jeudi.", "2025-04-06");
    expect(where(i)).toMatchObject({ country: "Burkina Faso", admin1: "Sahel", admin2: "Soum", location: "Wendou-Bali", latitude: null, geoPrecision: 2 });
  });

  it("reads 'à X' around violence, and the region from the rest of the article when the sentence has none", () => {
    const text = "Insécurité dans la région de Tombouctou.\n\nMardi, des hommes armés ont abattu trois commerçants à Hamdallaye-Goura.";
    const [i] = extract(text, "2025-04-09");
    expect(where(i)).toMatchObject({ country: "Mali", admin1: "Timbuktu", location: "Hamdallaye-Goura", latitude: null, longitude: null, geoPrecision: 2 });
  });

  it("gives precision 3 to an unlisted locality placed only by its country", () => {
    const [i] = extract("Au Niger, des bandits ont tué quatre éleveurs dimanche dans le hameau de Tagabati-Sud.", "2025-04-09");
    expect(where(i)).toMatchObject({ country: "Niger", admin1: null, location: "Tagabati-Sud", latitude: null, geoPrecision: 3 });
  });

  it("does not read a person after a verb of speech, or a weekday, as a place", () => {
    const facts = collectFacts("Le maire a déclaré à Moussa Traoré que des hommes armés ont attaqué Samedi.", { language: "fr" });
    expect(findUnknownPlace(facts, 0, facts.text.length, true)).toBeNull();
  });

  it("reads a bare 'à X' only around violence", () => {
    const facts = collectFacts("Le ministre a transmis à Hamidou Bâ un message.", { language: "fr" });
    expect(findUnknownPlace(facts, 0, facts.text.length, false)).toBeNull();
  });
});

describe("a parenthesis after a place gives its district and region", () => {
  it("parses 'X (cercle, région)' into the place and its areas", () => {
    const text = "Toguéré-Sud (Koro, Mopti)";
    const { named, context } = parentheticalPlaces(text, findPlaces(text));
    expect(named).toEqual([expect.objectContaining({ name: "Toguéré-Sud", start: 0 })]);
    expect(named[0]!.context).toMatchObject({ admin1: "Mopti", admin2: "Koro" });
    expect(context.map((p) => text.slice(p.start, p.end))).toEqual(["Koro", "Mopti"]);
  });

  it("codes the place before the parenthesis, not the district inside it", () => {
    const [i] = extract("On 2 March 2021, unidentified gunmen shot dead a trader in Togoro-Bas (Koro, Mopti).", "2021-03-05", "en");
    expect(where(i)).toEqual({ country: "Mali", admin1: "Mopti", admin2: "Koro", location: "Togoro-Bas", latitude: null, longitude: null, geoPrecision: 2 });
  });

  it("keeps a known place with its coordinates when the parenthesis agrees with it", () => {
    const [i] = extract("Le 2 mars, des hommes armés ont attaqué Bankass (Bankass, Mopti), tuant deux civils.", "2025-03-05");
    expect(i).toMatchObject({ location: "Bankass", admin1: "Mopti", geoPrecision: 1 });
    expect(i!.latitude).not.toBeNull();
  });

  it("ignores a parenthesis that names no area", () => {
    const text = "Les Forces armées maliennes (FAMa) ont riposté à Bankass.";
    expect(parentheticalPlaces(text, findPlaces(text)).named).toEqual([]);
  });
});

describe("one sentence, several places", () => {
  const text = "Le dimanche 6 avril 2025, des assaillants ont mené des attaques simultanées contre Kayes, Nioro du Sahel, Sandaré et Diboli, faisant au total neuf morts.";

  it("lists the localities of an enumeration", () => {
    const facts = collectFacts(text, { language: "fr", publishedAt: "2025-04-08" });
    expect(listedSpots(facts, facts.sentences[0]!).map((s) => s.entry?.name ?? s.unknown?.name)).toEqual(["Kayes", "Nioro du Sahel", "Sandaré", "Diboli"]);
  });

  it("makes one incident per locality with the same date and type, and no locality carries the total toll", () => {
    const incidents = extract(text, "2025-04-08");
    expect(incidents.map((i) => i.location)).toEqual(["Kayes", "Nioro du Sahel", "Sandaré", "Diboli"]);
    for (const i of incidents) expect(i).toMatchObject({ eventDate: "2025-04-06", eventType: incidents[0]!.eventType, country: "Mali", fatalities: null });
  });

  it("does not split a road named by its two ends", () => {
    const incidents = extract("Mardi, une embuscade a visé un convoi militaire sur l'axe entre Douentza et Boni.", "2025-04-09");
    expect(incidents).toHaveLength(1);
  });
});

describe("whole names and the country context", () => {
  it("does not take a known town's name inside a longer hyphenated village name", () => {
    const [i] = extract("Lundi, des hommes armés ont attaqué le village de Kidira-Wouro, dans le cercle de Niono au Mali, tuant deux bergers.", "2025-04-09");
    expect(where(i)).toMatchObject({ country: "Mali", admin1: "Segou", admin2: "Niono", location: "Kidira-Wouro", latitude: null });
  });

  it("still reads both towns of a road written with a hyphen", () => {
    const names = findPlaces("Un bus a sauté sur une mine sur l'axe Boni-Hombori.").map((p) => p.place.name);
    expect(names).toEqual(["Boni", "Hombori"]);
  });
});

describe("namesakes in several countries", () => {
  it("takes the namesake in the country the sentence names over the article's main country", () => {
    const text =
      "Abidjan renforce sa frontière nord. La Côte d'Ivoire a déployé des renforts, selon l'état-major ivoirien.\n\nAu Mali, mardi, des hommes armés ont attaqué Sokolo, tuant deux gardes.";
    const incidents = extract(text, "2025-03-12").filter((i) => i.location === "Sokolo");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ country: "Mali", admin1: "Segou" });
  });
});

describe("the contract for unplaced incidents", () => {
  it("gives every incident either coordinates, or a location and no coordinates at all", () => {
    const texts = [
      "Vendredi, des individus armés ont tué deux cultivateurs dans le village de Zarbouga, région de Ségou.",
      "Le 2 mars, des hommes armés ont attaqué Bankass (Bankass, Mopti), tuant deux civils.",
      "Au Niger, des bandits ont tué quatre éleveurs dimanche dans le hameau de Tagabati-Sud.",
      "Le dimanche 6 avril 2025, des assaillants ont attaqué Kayes, Sandaré et le village de Dougoubara-Ouest.",
      "Les autorités maliennes ont annoncé mardi de nouvelles mesures de sécurité.",
    ];
    const incidents = texts.flatMap((t) => extract(t, "2025-04-09"));
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    for (const i of incidents) {
      if (i.latitude === null || i.longitude === null) {
        expect(i.location).not.toBeNull();
        expect([i.latitude, i.longitude]).toEqual([null, null]);
      }
    }
    expect(incidents.some((i) => i.latitude === null)).toBe(true);
  });
});

import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";
import { extract } from "./extract";


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

describe("an unlisted village against a known town the sentence names for another reason", () => {
  const extractFr = (text: string) => extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

  it("places the event in 'le village de X' rather than in the town of the official quoted", () => {
    const [i] = extractFr("Au Mali, lundi soir, des hommes armés ont tué quatre bergers dans le village de Tiguila, a indiqué un élu de Bankass.");
    expect(i?.location).toBe("Tiguila");
    expect(i?.admin1).toBe("Mopti");
  });

  it("keeps a known town the sentence makes the scene", () => {
    const [i] = extractFr("Au Mali, lundi soir, des hommes armés ont tué quatre bergers à Bankass, selon des habitants du village de Tiguila.");
    expect(i?.location).toBe("Bankass");
  });

  it("takes the village a sentence referring back to the attack names", () => {
    const [i] = extractFr("Au Burkina Faso, mardi, des hommes armés ont attaqué une localité proche de Boulsa, tuant dix civils. C'est le village de Tiguila qui a été la cible de cette attaque.");
    expect(i?.location).toBe("Tiguila");
  });
});

describe("a later mention of the event by its district", () => {
  it("merges into the village's incident", () => {
    const incidents = extractArticle({
      text: "Au Mali, lundi, des hommes armés ont enlevé deux commerçants dans la localité de Tiguila, dans le cercle de Bankass.\n\nUn élu de la région de Bankass a confirmé lundi l'enlèvement de deux commerçants.",
      publishedAt: "2025-06-12",
      language: "fr",
    }).incidents;
    expect(incidents.map((i) => i.location)).toEqual(["Tiguila"]);
  });
});

describe("a place followed by its district", () => {
  const extractFr = (text: string) => extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

  it("makes one incident of 'à Diboli, Kayes', the district situating the village", () => {
    expect(extractFr("Mardi, des hommes armés ont attaqué le poste de douane à Diboli, Kayes, tuant un douanier.").map((i) => i.location)).toEqual(["Diboli"]);
  });

  it("keeps the town as a target when the list goes on after it", () => {
    expect(extractFr("Au Mali, mardi, des attaques ont visé Diboli, Kayes et Diéma.").map((i) => i.location)).toEqual(["Diboli", "Kayes", "Diéma"]);
  });
});

describe("an event placed only in its country", () => {
  it("takes the region every place of the article lies in", () => {
    const incidents = extractArticle({
      text: "Au Mali, la situation reste tendue dans le cercle de Bankass.\n\nMardi, six civils ont été tués par des hommes armés, selon un élu local.",
      publishedAt: "2025-06-12",
      language: "fr",
    }).incidents;
    expect(incidents.map((i) => [i.location, i.admin1])).toEqual([[null, "Mopti"]]);
  });
});

describe("unlisted places listed after a plural cue", () => {
  const extractFr = (text: string) => extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

  it("makes one incident per locality of 'les localités d'X, de Y et de Z'", () => {
    const incidents = extractFr("Au Niger, dimanche, des hommes armés s'en sont pris à des campements, dans les localités d'Agoula, de Tinfar et de Boukar, dans la région de Tahoua.");
    expect(incidents.map((i) => [i.location, i.admin1, i.eventType])).toEqual([
      ["Agoula", "Tahoua", "Violence against civilians"],
      ["Tinfar", "Tahoua", "Violence against civilians"],
      ["Boukar", "Tahoua", "Violence against civilians"],
    ]);
  });

  it("reads 'les villages de X et Y ... ont été attaqués' as violence against civilians in each", () => {
    const incidents = extractFr("Au Mali, lundi, les villages de Tiguila et Sogou, dans le cercle de Bankass, ont été attaqués par des hommes armés.");
    expect(incidents.map((i) => [i.location, i.eventType])).toEqual([
      ["Tiguila", "Violence against civilians"],
      ["Sogou", "Violence against civilians"],
    ]);
  });
});

describe("the unlisted place an attack is aimed at", () => {
  const one = (text: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt: "2025-06-12", language }).incidents[0];

  it("takes the object of 'attaquer' over the district that situates it", () => {
    expect(one("Mardi, des hommes armés ont attaqué Dinangourou, dans le cercle de Koro, tuant cinq civils.")?.location).toBe("Dinangourou");
  });

  it("takes the place of 'l'attaque de X'", () => {
    expect(one("L'attaque de Madougou, dans le cercle de Koro, a fait cinq morts mardi.")?.location).toBe("Madougou");
  });

  it("takes a village over the rural commune it lies in", () => {
    expect(one("Mardi, cinq civils ont été tués lors d'une attaque contre le village de Bana Gakou, commune de Koro.")?.location).toBe("Bana Gakou");
  });

  it("takes the post an attack targets", () => {
    expect(one("Mardi, des terroristes ont attaqué le poste de Taghatert, dans la région de Ménaka.")?.location).toBe("Taghatert");
  });

  it("takes a name set apart as a locality 'située' somewhere", () => {
    expect(one("Mardi, des hommes armés ont attaqué Agharangabo, localité située à 40 km de Ménaka.")?.location).toBe("Agharangabo");
  });

  it("takes the place whose people or militia the sentence names ('les VDP de X', 'les habitants de X')", () => {
    expect(one("Burkina Faso : mardi, les VDP de Tansiga, dans la province des Banwa, ont repoussé une attaque terroriste.")?.location).toBe("Tansiga");
    expect(one("Mardi, des hommes armés ont tué cinq habitants de Kobourou, dans la province du Soum.")?.location).toBe("Kobourou");
  });

  it("takes an unlisted district an attack happened in, and never the word 'Attack'", () => {
    expect(one("Niger: The Attack in the border district of Gueskoro on Tuesday killed five civilians.", "en")?.location).toBe("Gueskoro");
  });

  it("never takes a people's adjective for a place", () => {
    expect(one("Mali: on Tuesday gunmen killed five herders in Peulh camps near Boni.", "en")?.location).toBe("Boni");
  });
});

describe("names that are no place", () => {
  it("never takes a social network a claim was posted on for the scene", () => {
    const [i] = extractArticle({ text: "Mali: an explosion killed two soldiers near Boni on Tuesday, the army said in a post in Twitter.", publishedAt: "2025-06-12", language: "en" }).incidents;
    expect(i?.location).toBe("Boni");
  });
});

describe("a parenthesis that says region and direction", () => {
  it("reads '(région de Mopti, centre)' as the Mopti region, not Mopti's cercle nor a region called Centre", () => {
    const [i] = extract("Mali : mardi, des hommes armés ont attaqué le village peul de Koulongo, commune de Koulongo Habé, dans le cercle de Bankass (région de Mopti, centre), tuant 37 civils.");
    expect(i?.location).toBe("Koulongo");
    expect(i?.admin1).toBe("Mopti");
    expect(i?.admin2).toBe("Bankass");
  });
});

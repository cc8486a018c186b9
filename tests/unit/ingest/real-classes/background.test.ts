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

describe("events named only as the frame of what the sentence reports", () => {
  it("makes no incident of an attack named after 'après l'' in an article about the response", () => {
    const incidents = extract("Après l'attaque du camp de Boni, le gouverneur de Mopti a réuni les chefs de village mercredi pour discuter de la sécurité.");
    expect(incidents.filter((i) => i.eventType === "Battles")).toEqual([]);
  });

  it("makes no incident of 'in the wake of the attacks' in English", () => {
    const incidents = extract("In the wake of the attacks on Boni, the authorities banned motorbikes in the Mopti region on Wednesday.", "2025-06-12", "en");
    expect(incidents.filter((i) => i.eventType === "Battles")).toEqual([]);
  });

  it("reads 'fusils d'assaut' as weapons carried, not as an assault", () => {
    const incidents = extract("Dans la nuit de samedi, des gendarmes armés de fusils d'assaut ont été vus à Kidira.");
    expect(incidents.filter((i) => i.eventType === "Battles")).toEqual([]);
  });
});

describe("damage told a few sentences after the attack", () => {
  it("joins the attack when the attackers are named as its authors", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le village de Dalla, dans le cercle de Douentza, tuant cinq civils. Les habitants ont fui vers la ville. Un élu a lancé un appel à l'aide. Les assaillants ont également incendié le marché et des greniers.",
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.eventType).toBe("Violence against civilians");
  });
});

describe("a toll summed over several attacks", () => {
  it("makes no incident of deaths 'in various attacks'", () => {
    const incidents = extract("Au Mali, la semaine dernière, trente personnes ont été tuées dans différentes attaques à Boni et Douentza.");
    expect(incidents).toEqual([]);
  });
});

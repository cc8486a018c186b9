import { describe, it, expect } from "vitest";
import { extract } from "./extract";


describe("staying silent when nothing happened", () => {
  it("reads a prefect's decree as no arrest", () => {
    expect(extract("Le préfet a pris mardi un arrêté interdisant la circulation des tricycles dans la ville de Mopti.")).toEqual([]);
  });

  it("reads a region 'en proie aux attaques' or 'rocked by attacks' as a state, not an event", () => {
    expect(extract("Le gouverneur a annoncé lundi la prolongation du couvre-feu de 45 jours dans cette zone de Dori en proie aux attaques terroristes.")).toEqual([]);
    expect(extract("The governor extended the curfew in Dori, a town long plagued by jihadist attacks, on Monday.", "en")).toEqual([]);
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

describe("developments need an actor", () => {
  it("makes no incident of a tour nobody is named for", () => {
    expect(extract("Mardi, une visite de travail a eu lieu à Kayes pour renforcer la coopération sécuritaire.")).toEqual([]);
  });

  it("keeps a visit between two named governments", () => {
    const incidents = extract("Mardi, le ministre sénégalais des Forces armées a été reçu à Bamako par le gouvernement malien pour une visite de travail.");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.actors.map((a) => a.name)).toEqual(expect.arrayContaining(["Government of Senegal", "Government of Mali"]));
  });
});

describe("an event recalled by what it did", () => {
  it("makes no incident of 'l'attaque qui a tué 14 soldats' with nothing dating it anew, whatever the apostrophe", () => {
    const lead = "Le gouverneur a interdit mardi la circulation des motos dans la région. La mesure vaut pour trois mois. ";
    expect(extract(`${lead}Les cercles de Niafunké, où a eu lieu l’attaque qui a tué 14 soldats à Soumpi, et de Douentza figurent sur la liste.`)).toEqual([]);
    expect(extract("The governor banned motorbikes on Tuesday. The ban lasts three months. He visited Boni, where the attack that killed 14 soldiers took place.", "en")).toEqual([]);
  });

  it("codes the article's lead that names its event by what it did", () => {
    expect(extract("Mali : l'attaque qui a visé le camp militaire de Boni a fait 14 morts, selon l'armée.")[0]?.fatalities).toBe(14);
    expect(extract("Mali: the attack that night killed 14 soldiers in Boni, the army said.", "en")[0]?.fatalities).toBe(14);
  });

  it("still codes 'l'attaque qui a tué' dated anew as the news", () => {
    const [i] = extract("Mardi, l'attaque qui a tué 14 soldats à Boni a été revendiquée par le JNIM.");
    expect(i?.fatalities).toBe(14);
  });

  it("places an attack on 'le camp de X' at X", () => {
    const [i] = extract("Mali : mardi, des hommes armés ont attaqué le camp de Soumbo, tuant 14 soldats.");
    expect(i?.location).toBe("Soumbo");
  });
});

import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../../lib/ingest/pipeline";

const extract = (text: string, publishedAt = "2025-03-12", language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt, language }).incidents;
const roles = (i: ExtractedIncident | undefined) => Object.fromEntries((i?.actors ?? []).map((a) => [a.name, a.role]));
const type = (i: ExtractedIncident | undefined) => i && `${i.eventType} / ${i.subEventType}`;

describe("event types by ACLED's codebook", () => {
  it("codes armed men against an official as violence against civilians", () => {
    const [i] = extract("Lundi, des hommes armés ont agressé le maire de Dioïla à son domicile.");
    expect(type(i)).toBe("Violence against civilians / Attack");
    expect(roles(i)).toMatchObject({ "Unidentified Armed Group": "actor1", Civilians: "actor2" });
  });

  it("codes the abduction of election staff as violence against civilians", () => {
    const [i] = extract("Deux agents électoraux ont été enlevés dimanche près de Douentza par des individus armés.");
    expect(type(i)).toBe("Violence against civilians / Abduction/forced disappearance");
  });

  it("codes armed against armed as a battle", () => {
    const [i] = extract("Mercredi, des soldats ont repoussé une attaque de jihadistes contre le poste de Boni.", "2025-03-14");
    expect(i?.eventType).toBe("Battles");
  });

  it("codes looting as a strategic development", () => {
    const [i] = extract("Mardi, des hommes armés ont pillé les boutiques du marché de Boni et emporté du bétail.");
    expect(type(i)).toBe("Strategic developments / Looting/property destruction");
  });

  it("codes an armed robbery with shots fired but nobody hurt as looting, not a clash", () => {
    const [i] = extract("Mardi soir, des bandits armés ont braqué un car de transport près de Ségou, tirant des coups de feu en l'air. Aucun blessé n'est à déplorer.");
    expect(type(i)).toBe("Strategic developments / Looting/property destruction");
  });

  it("codes a robbery in which a passenger is killed as violence", () => {
    const [i] = extract("Mardi, des bandits armés ont braqué un car près de Ségou et tué un passager.");
    expect(i?.eventType).toBe("Violence against civilians");
  });

  it("codes mines, shelling and drone strikes as explosions/remote violence", () => {
    expect(type(extract("Mardi, un véhicule a sauté sur une mine près de Boni, tuant deux passagers.")[0])).toBe("Explosions/Remote violence / Remote explosive/landmine/IED");
    expect(type(extract("Mardi, des obus ont frappé le camp de Tessit.")[0])).toBe("Explosions/Remote violence / Shelling/artillery/missile attack");
    expect(type(extract("Mardi, une frappe de drone a visé un rassemblement près de Léré.")[0])).toBe("Explosions/Remote violence / Air/drone strike");
  });

  it("codes arrests as a strategic development", () => {
    const [i] = extract("Mardi, la gendarmerie a interpellé quatre suspects à Kayes.");
    expect(type(i)).toBe("Strategic developments / Arrests");
  });
});

describe("actors", () => {
  it("names communal and ethnic militias", () => {
    expect(roles(extract("Mardi, une milice peule a attaqué le village de Tougouri-Sud près de Bankass, tuant six civils.")[0])).toMatchObject({ "Fulani Ethnic Militia": "actor1" });
    expect(roles(extract("Mardi, des chasseurs dogon ont attaqué des éleveurs près de Bandiagara, tuant trois personnes.")[0])).toMatchObject({ "Dan Na Ambassagou": "actor1" });
    expect(roles(extract("Jeudi, un groupe d'autodéfense a affronté des jihadistes près de Kaya.", "2025-03-14")[0])).toMatchObject({ "Village Self-Defence Militia": "actor1" });
    expect(roles(extract("Mardi, des Koglweogo ont tué deux voleurs présumés près de Kaya.")[0])).toMatchObject({ Koglweogo: "actor1" });
  });

  it("keeps the named group of 'presumed' and 'suspected' perpetrators", () => {
    expect(roles(extract("Mardi, des éléments présumés du JNIM ont tué trois civils à Bankass.")[0])).toMatchObject({ JNIM: "actor1" });
    expect(roles(extract("Suspected ISGS fighters killed four herders near Ménaka on Tuesday.", "2025-03-12", "en")[0])).toMatchObject({ "Islamic State Sahel": "actor1" });
  });

  it("names French and European forces", () => {
    expect(roles(extract("Mardi, la force Barkhane a neutralisé une vingtaine de terroristes près de Ménaka.")[0])).toMatchObject({ "Military Forces of France": "actor1" });
    expect(roles(extract("Mardi, les forces spéciales de Takuba ont affronté des jihadistes près de Ménaka.")[0])).toMatchObject({ "Task Force Takuba": "actor1" });
  });

  it("makes national forces actor1 and their Russian allies associated when they kill civilians together", () => {
    const [i] = extract("Mardi, des mercenaires d'Africa Corps et les FAMa ont tué douze civils à Niono.");
    expect(i?.eventType).toBe("Violence against civilians");
    expect(roles(i)).toEqual({ "Military Forces of Mali": "actor1", Civilians: "actor2", "Africa Corps": "associated" });
  });

  it("gives an armed clash whose opponent is not named an unidentified armed group", () => {
    const [i] = extract("Mardi, l'armée a engagé des combats près de Léré.");
    expect(roles(i)).toEqual({ "Military Forces of Mali": "actor1", "Unidentified Armed Group": "actor2" });
  });

  it("makes the initiator actor1 when soldiers are attacked", () => {
    const [i] = extract("Mardi, des VDP ont été attaqués par des hommes armés près de Djibo.");
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
    expect(i?.actors.find((a) => a.role === "actor2")?.name).toBe("VDP: Volunteers for the Defense of the Homeland");
  });
});

describe("silence when nothing violent happened", () => {
  it("codes nothing for an attack named only by a trial, a tribute or a condemnation", () => {
    const texts = [
      "Une cérémonie d'hommage aux gendarmes tombés lors de l'attaque de Diafarabé s'est tenue mardi à Mopti.",
      "Le procès des commanditaires de l'attentat de Ouagadougou s'est ouvert mardi.",
      "Le Premier ministre a condamné mardi l'attaque contre le camp de Tessit.",
    ];
    for (const text of texts) expect(extract(text)).toEqual([]);
  });

  it("codes nothing for operations that are only planned", () => {
    expect(extract("Les chefs militaires du Mali et du Niger se sont retrouvés mardi à Gao pour planifier des opérations conjointes.")).toEqual([]);
  });

  it("codes no violent incident for a curfew, a meeting, a visit or cooperation talk", () => {
    const texts = [
      "Le gouverneur de Mopti a instauré un couvre-feu nocturne à compter de mardi, en raison de la menace terroriste.",
      "Les ministres de la Défense du Mali et du Niger se sont réunis mardi à Niamey pour renforcer leur coopération contre le terrorisme.",
      "Le Premier ministre a effectué mardi une visite à Gao, où il a rencontré les notables et salué le courage des forces armées face aux attaques.",
      "Le Burkina Faso et le Niger ont convenu mardi de mutualiser leurs moyens de renseignement dans la lutte contre les groupes armés.",
      "Le couvre-feu décrété dans le cercle de Bankass après les violences du mois dernier a été prolongé de deux semaines.",
    ];
    for (const text of texts) {
      const violent = extract(text).filter((i) => i.eventType !== "Strategic developments");
      expect(violent).toEqual([]);
    }
  });
});

describe("an attack on a village", () => {
  it("is violence against civilians when no armed defender is named", () => {
    const [i] = extract("Au Mali, samedi, des hommes armés ont attaqué le village de Tiguila, dans le cercle de Bankass.");
    expect(i?.eventType).toBe("Violence against civilians");
    expect(i?.actors.map((a) => [a.name, a.role])).toEqual([["Unidentified Armed Group", "actor1"], ["Civilians", "actor2"]]);
  });

  it("stays a battle when soldiers defended it", () => {
    const [i] = extract("Au Mali, samedi, des hommes armés ont attaqué le village de Tiguila, où les soldats ont riposté.");
    expect(i?.eventType).toBe("Battles");
  });
});

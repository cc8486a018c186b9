import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../../lib/ingest/pipeline";
import { extract } from "./extract";

const roles = (i: ExtractedIncident | undefined) => Object.fromEntries((i?.actors ?? []).map((a) => [a.name, a.role]));

describe("actor1 is the side that initiated", () => {
  it("never makes civilians killed by nobody named the initiator", () => {
    const [i] = extract("Mardi, trois civils ont été tués à Boni.");
    expect(roles(i)).toEqual({ "Unidentified Armed Group": "actor1", Civilians: "actor2" });
  });

  it("makes the army that repelled an attack actor2", () => {
    const [i] = extract("Mardi, les FAMa ont repoussé une attaque terroriste contre leur poste de Boni.");
    expect(roles(i)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Mali": "actor2" });
  });

  it("does not add the parent group that only describes the attackers", () => {
    const [i] = extract("Mardi, le camp militaire de Boni a été attaqué par des combattants du JNIM, affilié à AQMI.");
    expect(i?.actors.map((a) => a.name)).not.toContain("AQIM: Al Qaeda in the Islamic Maghreb");
    expect(roles(i)).toMatchObject({ JNIM: "actor1" });
  });
});

describe("actor1 when the forces underwent the attack", () => {
  it("makes soldiers who died in an attack by a group actor2", () => {
    const [i] = extract("At least four soldiers died on Monday in an attack by gunmen near Boni, an official said.", "en");
    expect(roles(i)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Mali": "actor2" });
  });

  it("makes the forces that pushed an attack back actor2", () => {
    const [i] = extract("Malian troops pushed back an ISWAP attack on Boni on Monday.", "en");
    expect(roles(i)).toMatchObject({ "Islamic State West Africa Province": "actor1", "Military Forces of Mali": "actor2" });
  });

  it("makes the group attacks are attributed to actor1, ahead of the forces' allies", () => {
    const incidents = extract("Lundi, les camps militaires de Boni et de Douentza ont été visés par des attaques attribuées au JNIM. Les FAMa, appuyées par Africa Corps, ont mené la contre-offensive.");
    expect(incidents.map((i) => i.location)).toEqual(["Boni", "Douentza"]);
    for (const i of incidents) expect(roles(i)).toMatchObject({ JNIM: "actor1" });
  });

  it("does not lend a group named in an event's own sentence to the event told before", () => {
    const incidents = extract("Lundi, des hommes armés ont attaqué le poste militaire de Boni.\n\nMercredi, des combattants affiliés au JNIM ont enlevé deux commerçants près de Douentza.");
    const attack = incidents.find((i) => i.location === "Boni");
    expect(roles(attack)).toMatchObject({ "Unidentified Armed Group": "actor1" });
  });
});

describe("auxiliaries named in lower case", () => {
  it("finds the VDP written out in lower case, in English too", () => {
    const [i] = extract("At least nine volunteers for the defence of the homeland were killed on Monday in an attack near Djibo.", "en");
    expect(i?.actors.map((a) => a.name)).toContain("VDP: Volunteers for the Defense of the Homeland");
    expect(i?.eventType).toBe("Battles");
  });
});

describe("forces that react to an attack", () => {
  it("makes the attackers actor1 when the post 'a vigoureusement réagi face à une attaque'", () => {
    const [i] = extractArticle({ text: "Mali : à Boni, le poste de sécurité des FAMa a vigoureusement réagi face à une attaque terroriste, ce jeudi 5 juin, vers 3h du matin.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
  });
});

describe("who flies an air strike", () => {
  it("makes the forces whose strikes hit a group actor1, and counts 'la neutralisation de N'", () => {
    const [i] = extract("Mali : le 10 juin, des frappes aériennes des FAMa dans le secteur de Songou ont occasionné la neutralisation de 06 terroristes.");
    expect(i?.subEventType).toBe("Air/drone strike");
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Military Forces of Mali");
    expect(i?.fatalities).toBe(6);
  });
});

describe("a patrol 'prise à partie'", () => {
  it("makes the attackers of a patrol 'prise à partie par des terroristes' actor1", () => {
    const [i] = extract("Mali : mardi, une patrouille des FAMa a été prise à partie par des terroristes près de Boni ; dix assaillants ont été neutralisés.");
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
  });
});

describe("an operation that frames a fight", () => {
  it("makes one battle, not a battle and a deployment, of 'lors d'une opération de ratissage, les FAMa ont neutralisé'", () => {
    const incidents = extract("Mali : mardi, lors d'une opération de ratissage près de Boni, les FAMa ont neutralisé dix terroristes.");
    expect(incidents.map((i) => i.eventType)).toEqual(["Battles"]);
  });
});

describe("the subject of 'après avoir attaqué'", () => {
  it("makes the armed men who 'après avoir attaqué cette localité' acted actor1, not the auxiliaries killed", () => {
    const [i] = extract("Au Burkina Faso, au moins douze VDP ont été tués mercredi à Belgo. Après avoir attaqué cette localité, les hommes armés ont donné un ultimatum aux habitants.");
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
  });
});

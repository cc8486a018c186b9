import { describe, it, expect } from "vitest";
import { extract } from "./extract";


describe("several attacks told in one sentence", () => {
  it("makes one incident per place attacked, however far apart the sentence names them", () => {
    const incidents = extract("Deux attaques simultanées mardi contre le camp militaire de l'armée à Boulkessi et contre une position des FAMa à Mondoro ont fait trois morts.");
    expect(incidents.map((i) => i.location).sort()).toEqual(["Boulkessi", "Mondoro"]);
    // The total stays on no single place, and an article before a place is no count.
    expect(incidents.map((i) => i.fatalities)).toEqual([null, null]);
  });

  it("keeps one incident when the sentence tells one attack", () => {
    const incidents = extract("Mardi, une attaque contre le camp militaire à Boulkessi a été repoussée, selon une source à Mondoro.");
    expect(incidents.map((i) => i.location)).toEqual(["Boulkessi"]);
  });
});

describe("the scene told in the next sentence", () => {
  it("takes the place of the sentence after, when that sentence tells no event of its own", () => {
    const [i] = extract("Mali: at least three soldiers died in a jihadist attack on Monday. The troops were part of a supply convoy near Ténenkou in the Mopti region.", "en");
    expect(i?.location).toBe("Ténenkou");
    expect(i?.geoPrecision).toBe(2);
  });
});

describe("an unlisted place against a known town that is not the scene", () => {
  it("reads an unaccented capital 'A X,' opening a sentence as the scene", () => {
    const [i] = extract("Mali : A Kobourou, une circonscription de Koro, le poste des FAMa a été attaqué mardi.");
    expect(i?.location).toBe("Kobourou");
  });

  it("never takes the town an official is mayor of for the scene", () => {
    const [i] = extract("Mardi soir, des hommes armés ont tué cinq villageois dans le village de Kobourou, a déclaré le maire de la ville de Bankass.");
    expect(i?.location).toBe("Kobourou");
  });

  it("takes 'à X' over the town 'une soixantaine de kilomètres' away", () => {
    const [i] = extract("Mardi, l'attaque a été perpétrée à Kobourou, à une soixantaine de kilomètres au nord-est de la ville de Ménaka.");
    expect(i?.location).toBe("Kobourou");
    expect(i?.admin1).toBe("Menaka");
  });
});

describe("an event placed when it is told again", () => {
  it("joins 'the attack took place near X', however far on, to the event it retells", () => {
    const text = "Islamic State claims ambush on Niger soldiers\n\nGunmen killed four Nigerien soldiers in an ambush in western Niger on Tuesday, the government said. The minister praised their courage.\n\nReinforcements were sent to the area. The region has seen many attacks in recent years.\n\nThe attack on the military patrol took place near the town of Kobourou, in the Tillaberi region.";
    const incidents = extract(text, "en");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.location).toBe("Kobourou");
    expect(incidents[0]?.eventDate).toBe("2025-06-10");
  });

  it("never reads the wire dateline 'Kati, 19 mar (AMAP)' as the scene", () => {
    const [i] = extract("Kati, 11 juin (AMAP) Des hommes armés non identifiés ont attaqué mardi le poste de Kobourou, tuant deux soldats.");
    expect(i?.location).toBe("Kobourou");
    expect(i?.admin1).not.toBe("Koulikoro");
  });
});

describe("villages listed after their number or a colon", () => {
  it("makes one incident per village of 'dans 4 villages : A, B, C, D'", () => {
    const incidents = extract("Mali : selon le maire, les attaques ont eu lieu simultanément mardi dans 4 villages : Gouri, Djimbo, Panga Dougou, Dialaka.");
    expect(incidents.map((i) => i.location)).toEqual(["Gouri", "Djimbo", "Panga Dougou", "Dialaka"]);
  });

  it("makes one incident per village of 'trois villages ont été attaqués jeudi dans le Yatenga : A, B et C'", () => {
    const incidents = extract("Burkina Faso : trois villages ont été attaqués jeudi dans la province du Yatenga : Pello, Zana et Nongfa.");
    expect(incidents.map((i) => i.location)).toEqual(["Pello", "Zana", "Nongfa"]);
    expect(incidents.every((i) => i.admin1 === "Nord")).toBe(true);
  });
});

describe("the scene named between two sentences of the event", () => {
  it("takes the village a sentence with no event of its own names between them", () => {
    const [i] = extract("Niger : près de vingt villageois ont été tués mardi par des hommes armés. C'est le village de Kobourou, près de la frontière, qui a été la cible des assaillants venus à moto. Dix-huit civils ont été tués dans les champs.");
    expect(i?.location).toBe("Kobourou");
  });
});

describe("the attacked place before the kind of site", () => {
  it("takes 'stormed X army camp' at X", () => {
    const [i] = extract("Mali: gunmen stormed Diourabé army camp in the Mopti region at dawn on Tuesday, leaving many soldiers dead.", "en");
    expect(i?.location).toBe("Diourabé");
  });

  it("takes the village of the body over a known district named before its region in the headline", () => {
    const [i] = extract("Cercle de Koro (Mopti) : 4 civils tués à Madigou dans une attaque\n\nUne attaque a été perpétrée mardi dans le village de Madigou, cercle de Koro.");
    expect(i?.location).toBe("Madigou");
  });
});

describe("areas listed after 'les zones de'", () => {
  it("makes one incident per named zone of a dated air campaign", () => {
    const incidents = extract("Le 10 juin, les FAMa ont procédé à des frappes aériennes dans les zones de Samou, Sossou et Logoro dans le cercle de Bankass.");
    expect(incidents.map((i) => i.location)).toEqual(["Samou", "Sossou", "Logoro"]);
  });
});

import { describe, it, expect } from "vitest";
import { extract } from "./extract";
import { findFatalities } from "../../../../lib/ingest/fatalities";


// The risky side of the rules for unlisted places, recalls, states, datelines and tolls: what they must
// leave alone.
describe("what the place rules leave alone", () => {
  it("never reads the attacker of 'l'attaque du X' or the people 'attacked Koranic students' as a place", () => {
    expect(extract("Mardi, l'attaque du Mouvement a fait cinq morts près de Boni.")[0]?.location).toBe("Boni");
    expect(extract("On Tuesday gunmen attacked Koranic students near Boni, Mali, killing five.", "en")[0]?.location).toBe("Boni");
  });

  it("never reads a title-case headline after 'Residents' as a place", () => {
    const [i] = extract("Residents Flee Attack\n\nGunmen killed 12 villagers on Tuesday in Boni, Mali, residents said.", "en");
    expect(i?.location).toBe("Boni");
  });

  it("never places an event where the next sentence says someone will travel", () => {
    const [i] = extract("Mali: at least three soldiers died in a jihadist attack on Monday. The defence minister will travel to Gao on Friday.", "en");
    expect(i?.location).toBeNull();
  });

  it("never reads a headline's parenthesis followed by a colon as a dateline", () => {
    const [i] = extract("Attaque à Boni (Douentza) : cinq soldats tués\n\nCinq soldats ont été tués mardi lors d'une attaque.");
    expect(i?.location).toBe("Boni");
    expect(i?.fatalities).toBe(5);
  });

  it("keeps a local outlet's 'Boni – ' as the scene", () => {
    expect(extract("Boni – Cinq soldats ont été tués mardi lors d'une attaque.")[0]?.location).toBe("Boni");
  });

  it("never splits 'après deux attaques à X' into an event at each place", () => {
    const incidents = extract("Après deux attaques à Boni la semaine dernière, l'armée a renforcé mardi sa présence à Douentza.");
    expect(incidents.map((i) => i.location)).not.toContain("Douentza");
  });

  it("never reads a people's adjective that is no actor as a place", () => {
    expect(extract("On Tuesday gunmen attacked Fulani herders near Boni, Mali, killing five.", "en")[0]?.location).toBe("Boni");
  });
});

describe("what the silence rules leave alone", () => {
  it("codes one dated attack a day 'a été marquée par' or a town 'was rocked by'", () => {
    expect(extract("La journée de mardi a été marquée par une attaque terroriste à Boni qui a fait cinq morts.")[0]?.fatalities).toBe(5);
    expect(extract("Boni, Mali, was rocked by a deadly attack on Tuesday that killed five civilians.", "en")[0]?.fatalities).toBe(5);
  });
});

describe("what the toll rules leave alone", () => {
  it("counts those who died later and soldiers wounded then dead", () => {
    expect(extract("Gunmen attacked Boni, Mali, on Tuesday. Two people have since died of their injuries.", "en")[0]?.fatalities).toBe(2);
    expect(findFatalities("Trois soldats que les assaillants ont blessés sont morts.").map((m) => m.count)).toEqual([3]);
  });

  it("never counts the noun 'massacres' as dead", () => {
    expect(findFatalities("La région a connu trois massacres cette année.")).toEqual([]);
  });

  it("reads '1,200' as a thousand two hundred, then drops it as a running total", () => {
    expect(findFatalities("At least 1,200 people have been killed.")).toEqual([]);
    expect(findFatalities("At least 1,200 people have been killed.".replace("1,200", "200")).map((m) => m.count)).toEqual([200]);
  });
});

describe("what the source rule leaves alone", () => {
  it("leaves out the army that 'a indiqué dans son communiqué que' others attacked", () => {
    const [i] = extract("L'armée malienne a indiqué dans son communiqué que des hommes armés ont tué deux civils mardi à Boni.");
    expect(i?.actors.map((a) => a.name)).not.toContain("Military Forces of Mali");
  });

  it("keeps the army that 'a indiqué qu'elle a repoussé' an attack", () => {
    const [i] = extract("L'armée malienne a indiqué qu'elle a repoussé mardi une attaque terroriste à Boni.");
    expect(i?.actors.map((a) => a.name)).toContain("Military Forces of Mali");
  });

  it("reads the event after 'said in a statement that'", () => {
    expect(extract("The army said in a statement that gunmen killed ten civilians in Boni, Mali, on Tuesday.", "en")[0]?.fatalities).toBe(10);
  });
});

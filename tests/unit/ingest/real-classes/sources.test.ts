import { describe, it, expect } from "vitest";
import { extract } from "./extract";

const names = (text: string, language: "fr" | "en" = "fr") => extract(text, language)[0]?.actors.map((a) => a.name) ?? [];

describe("a body that only reports the event", () => {
  it("leaves out the army named as the source ('selon l'armée') and codes the attack on civilians as such", () => {
    const [i] = extract("Selon l'armée, des hommes armés ont tué dix civils mardi à Boni.");
    expect(i?.eventType).toBe("Violence against civilians");
    expect(i?.actors.map((a) => a.name)).not.toContain("Military Forces of Mali");
  });

  it("leaves out the army that 'a indiqué que' someone else attacked", () => {
    expect(names("L'armée malienne a indiqué dans un communiqué que des hommes armés ont tué deux civils mardi à Boni.")).not.toContain("Military Forces of Mali");
  });

  it("keeps the army that announces what it did itself", () => {
    expect(names("L'armée malienne a annoncé avoir repoussé mardi une attaque à Boni.")).toContain("Military Forces of Mali");
    expect(names("The Malian army said it killed ten militants in Boni on Tuesday.", "en")).toContain("Military Forces of Mali");
  });
});

describe("'said that'", () => {
  it("reads the event a report tells after 'said that' as an event, not a reference back", () => {
    const [i] = extract("The army said that gunmen killed ten civilians in Boni, Mali, on Monday.", "en");
    expect(i?.fatalities).toBe(10);
    expect(i?.eventDate).toBe("2025-06-09");
  });
});

describe("the pluperfect of earlier events", () => {
  it("drops an event told in the pluperfect beside the news", () => {
    const incidents = extract("Mardi, des hommes armés ont attaqué le poste de Boni, tuant deux soldats. Le 17 mai, un drone de l'armée avait détruit un véhicule près de Douentza.");
    expect(incidents.map((i) => i.location)).toEqual(["Boni"]);
  });

  it("keeps a pluperfect that only follows the tense of a report", () => {
    const [i] = extract("Le gouverneur a indiqué jeudi que des hommes armés avaient attaqué le village de Boni mardi, tuant deux civils.");
    expect(i?.location).toBe("Boni");
    expect(i?.fatalities).toBe(2);
  });

  it("keeps a pluperfect event when the article tells nothing else", () => {
    expect(extract("Le 17 mai, des hommes armés avaient attaqué le poste de Boni.").map((i) => i.location)).toEqual(["Boni"]);
  });
});

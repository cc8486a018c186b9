import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../../lib/ingest/pipeline";
import { extract } from "./extract";

const actor1 = (i: ExtractedIncident | undefined) => i?.actors.find((a) => a.role === "actor1")?.name;

describe("a perpetrator named in another sentence", () => {
  it("gives a claim made paragraphs later to the attack told before it", () => {
    const [i] = extract(
      "Mardi, des hommes armés ont attaqué le poste de gendarmerie de Boni, tuant deux gendarmes.\n\nLe gouverneur s'est rendu sur place mercredi.\n\nLes habitants disent craindre de nouvelles violences.\n\nL'attaque a été revendiquée jeudi par l'État islamique au Sahel dans un communiqué.",
    );
    expect(actor1(i)).toBe("Islamic State Sahel");
  });

  it("gives an English claim ('claimed responsibility') to the attack told just before", () => {
    const [i] = extract(
      "Gunmen attacked an army post in Boni on Tuesday, killing three soldiers.\n\nThe governor visited the town on Wednesday.\n\nJNIM claimed responsibility for the assault in a statement.",
      "en",
    );
    expect(actor1(i)).toBe("JNIM");
  });

  it("does not give a claim to an attack told after it", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le poste militaire de Boni. Le JNIM a revendiqué l'attaque.\n\nPar ailleurs, jeudi, des hommes armés ont enlevé trois commerçants près de Niono.",
    );
    const later = incidents.find((i) => i.eventType === "Violence against civilians");
    expect(later).toBeDefined();
    expect(actor1(later)).toBe("Unidentified Armed Group");
  });

  it("keeps an unidentified group when the text says nobody claimed the attack", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le poste militaire de Boni.\n\nAucun groupe n'a revendiqué l'attaque, que les autorités attribuent au JNIM sans preuve.");
    expect(actor1(i)).toBe("Unidentified Armed Group");
  });

  it("names the group whose suspected members the next sentence mentions", () => {
    const [i] = extract("Mardi, des civils ont été tués dans le village de Boni. Les auteurs seraient des présumés combattants de l'EIGS, selon des élus.");
    expect(actor1(i)).toBe("Islamic State Sahel");
  });
});

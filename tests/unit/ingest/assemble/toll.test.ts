import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";
import { findFatalities } from "../../../../lib/ingest/fatalities";
import { foldKeepLength } from "../../../../lib/ingest/normalize";
import { attackerSide, incidentToll } from "../../../../lib/ingest/assemble/toll";

const extract = (text: string, publishedAt: string) => extractArticle({ text, publishedAt, language: "fr" }).incidents;
const toll = (sentences: string[]) => {
  const article = foldKeepLength(sentences.join(" "));
  let offset = 0;
  return incidentToll(
    sentences.map((s) => {
      const mentions = findFatalities(s).map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
      offset += s.length + 1;
      return { count: mentions.reduce((a, m) => a + m.count, 0), mentions, folded: foldKeepLength(s), article };
    }),
  ).count;
};

describe("death tolls", () => {
  it("adds the groups of one phrase: soldiers and assailants", () => {
    expect(findFatalities("Quatre gendarmes et six assaillants ont été tués.").map((m) => m.count)).toEqual([4, 6]);
  });

  it("does not count the subject of an active 'a tué' as a death", () => {
    expect(findFatalities("Une mine artisanale a tué trois passagers.").map((m) => m.count)).toEqual([3]);
  });

  it("tells the assailants' side from the victims'", () => {
    const text = "trois gardes ont été tués, neuf terroristes neutralisés";
    expect(findFatalities(text).map((m) => attackerSide(m, foldKeepLength(text)))).toEqual([false, true]);
  });

  it("sums both sides of a fight told in separate sentences", () => {
    expect(toll(["Trois gardes ont été tués lors de l'assaut.", "L'armée affirme avoir neutralisé onze assaillants."])).toBe(14);
  });

  it("keeps the highest of two reports of the same side, and a total with its breakdown once", () => {
    expect(toll(["Au moins quatre villageois ont été tués.", "Un élu local parle de six morts parmi les villageois."])).toBe(6);
    expect(toll(["L'attaque a fait 15 morts, dont 9 assaillants."])).toBe(15);
  });

  it("counts 'neutralisés' as killed and codes an incident with the two sides summed", () => {
    const [i] = extract("Jeudi, des jihadistes ont attaqué le poste de Boni. Deux soldats ont été tués et une dizaine d'assaillants neutralisés.", "2025-03-14");
    expect(i).toMatchObject({ eventType: "Battles", fatalities: 12, eventDate: "2025-03-13" });
  });

  it("codes vague counts by one convention: une dizaine 10, des dizaines 12, plusieurs unknown", () => {
    expect(findFatalities("une dizaine de civils ont été tués").map((m) => m.count)).toEqual([10]);
    expect(findFatalities("des dizaines de civils ont été tués").map((m) => m.count)).toEqual([12]);
    expect(findFatalities("plusieurs civils ont été tués")).toEqual([]);
  });
});

describe("French relative dates against the publication date", () => {
  it("puts a bare weekday in the week before publication", () => {
    const [i] = extract("Mercredi, des hommes armés ont tué deux bergers près de Bankass.", "2025-03-14");
    expect(i).toMatchObject({ eventDate: "2025-03-12", datePrecision: "day" });
  });

  it("dates 'dans la nuit de samedi à dimanche' by the night's first day", () => {
    const [i] = extract("Dans la nuit de samedi à dimanche, des assaillants ont attaqué le camp militaire de Boni.", "2025-03-12");
    expect(i).toMatchObject({ eventDate: "2025-03-08", datePrecision: "day" });
  });
});

describe("one toll told from both sides", () => {
  it("never puts the dead on the killers' side because the killers are named as the agent", () => {
    const text = "Onze villageois ont été tués par des combattants de l'EIGS.";
    const [m] = findFatalities(text);
    expect(attackerSide(m!, foldKeepLength(text))).toBe(false);
  });

  it("counts once the same figure given for the people killed and the armed men neutralised", () => {
    expect(toll(["Une quinzaine de personnes ont été tuées dans des frappes de drones.", "L'armée dit avoir neutralisé une quinzaine d'individus armés."])).toBe(15);
  });

  it("still adds two sides of different sizes", () => {
    expect(toll(["Cinq soldats ont été tués.", "Douze assaillants ont été neutralisés."])).toBe(17);
  });
});

describe("equal figures on both sides", () => {
  it("adds soldiers and assailants of the same number: two named groups", () => {
    expect(toll(["Deux soldats ont été tués lors de l'attaque.", "Deux assaillants ont été neutralisés."])).toBe(4);
  });
});

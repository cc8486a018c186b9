import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";
import { extract } from "./extract";


describe("an incident's toll", () => {
  it("ignores a running total since a year", () => {
    const [i] = extract("Mardi, des hommes armés ont tué quatre civils à Boni. Les violences ont fait plus de 8 000 morts depuis 2015 dans le pays.");
    expect(i?.fatalities).toBe(4);
  });

  it("ignores a running total told 'à ce jour' or 'as of' a date", () => {
    const [i] = extract("Mardi, des hommes armés ont tué quatre civils à Boni. Le pays subit des attaques depuis 2015, faisant à ce jour plus de 500 morts.");
    expect(i?.fatalities).toBe(4);
    const [j] = extract("Gunmen killed four civilians in Boni on Tuesday. As of May 31, mines had caused 60 deaths in the region.", "en");
    expect(j?.fatalities).toBe(4);
  });

  it("reads a thousands comma and never takes a thousand dead for one event's toll", () => {
    const [i] = extract("Gunmen killed four civilians in Boni on Tuesday. At least 1,200 people have been killed in the region.", "en");
    expect(i?.fatalities).toBe(4);
  });

  it("ignores a figure the attack only brings a total to", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le village de Boni. Cette attaque porte à 150 le nombre de civils tués dans la région.");
    expect(i?.fatalities).toBeNull();
  });

  it("leaves out the toll of an earlier event the sentence dates this one by", () => {
    const [i] = extract("Gunmen killed at least nine herders near Boni on Monday, three days after militants killed 40 villagers in the same area.", "en");
    expect(i?.fatalities).toBe(9);
    const [j] = extract("Mardi, des hommes armés ont tué cinq civils à Boni, deux jours après l'attaque qui avait fait 30 morts à Douentza.");
    expect(j?.fatalities).toBe(5);
  });

  it("keeps the toll of the same event told on after its action", () => {
    const [i] = extract("Gunmen stormed the village of Boni on Monday and fled after killing 12 people.", "en");
    expect(i?.fatalities).toBe(12);
  });

  it("takes the toll opening the next paragraph", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le village de Boni.\n\nLe bilan est de six morts, selon un élu local.");
    expect(i?.fatalities).toBe(6);
  });
});

describe("tolls of the event's own sentence", () => {
  it("counts the dead of 'the killing of N' and 'l'assassinat de N'", () => {
    expect(extract("The killing of seven aid workers by gunmen near Boni on Tuesday shocked the region.", "en")[0]?.fatalities).toBe(7);
    expect(extract("L'assassinat de trois gendarmes mardi à Boni par des hommes armés a choqué la région.")[0]?.fatalities).toBe(3);
  });

  it("counts a toll whose breakdown stands between commas once", () => {
    const [i] = extract("Twelve villagers, including three children, were killed in Boni on Tuesday.", "en");
    expect(i?.fatalities).toBe(12);
  });

  it("adds two groups joined by 'and' even when the second has a long name", () => {
    const [i] = extract("Five civilians and three members of the volunteer self-defence auxiliary force died on Tuesday in an attack in Boni.", "en");
    expect(i?.fatalities).toBe(8);
  });

  it("counts the dead named by a long name with its acronym in parentheses", () => {
    const [i] = extractArticle({ text: "Lundi, au moins sept volontaires pour la défense de la patrie (VDP) ont été tués près de Djibo.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.fatalities).toBe(7);
  });

  it("codes auxiliaries killed by nobody named as a battle against an unidentified group", () => {
    const [i] = extractArticle({ text: "Lundi, au moins sept volontaires pour la défense de la patrie (VDP) ont été tués près de Djibo.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.eventType).toBe("Battles");
    expect(i?.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
  });

  it("codes 0 when only wounded are reported", () => {
    const [i] = extractArticle({ text: "Lundi, des hommes armés ont attaqué le poste de douane de Boni. Trois douaniers ont été blessés.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.fatalities).toBe(0);
  });

  it("leaves the toll unknown when deaths are told without a figure", () => {
    const [i] = extractArticle({ text: "Lundi, des hommes armés ont attaqué le poste de douane de Boni. Il y a des morts et des blessés.", publishedAt: "2025-06-12", language: "fr" }).incidents;
    expect(i?.fatalities).toBeNull();
  });
});

describe("a total toll over several localities", () => {
  const text = "Au Mali, lundi, des attaques simultanées ont visé Kita, Bafoulabé et Diéma, faisant onze morts, dont quatre à Kita et deux à Diéma.";
  const incidents = extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

  it("makes one incident per locality, dated by the day the sentence opens with after its place frame", () => {
    expect(incidents.map((i) => [i.location, i.eventDate])).toEqual([["Kita", "2025-06-09"], ["Bafoulabé", "2025-06-09"], ["Diéma", "2025-06-09"]]);
  });

  it("gives each locality the share the text splits to it, and none to the others", () => {
    expect(incidents.map((i) => i.fatalities)).toEqual([4, null, 2]);
  });
});

describe("tolls told apart from the event", () => {
  it("gives the one placed event the toll of a later sentence that retells it without a place", () => {
    const [i, more] = extract("Gunmen attacked the village of Boni in Mali on Saturday. A local official on Sunday confirmed that 19 people were killed and two others wounded in the attack.", "en");
    expect(i?.fatalities).toBe(19);
    expect(more).toBeUndefined();
  });

  it("reads 'the death toll is reportedly N'", () => {
    const [i] = extract("Gunmen attacked the village of Boni in Mali on Saturday. According to local sources, the death toll is reportedly 17 people.", "en");
    expect(i?.fatalities).toBe(17);
  });

  it("takes the lower bound of a range, as ACLED does", () => {
    const [i] = extract("On Tuesday an attack by gunmen reportedly killed between 6 and 26 civilians in Boni, Mali.", "en");
    expect(i?.fatalities).toBe(6);
  });
});

describe("ways of telling the dead", () => {
  it("counts people murdered, executed or slaughtered", () => {
    expect(extract("On Tuesday 4 civilians were murdered by gunmen in Boni, Mali.", "en")[0]?.fatalities).toBe(4);
    expect(extract("Mardi, six bergers ont été exécutés par des hommes armés près de Boni.")[0]?.fatalities).toBe(6);
  });

  it("reads a count repeated in digits between parentheses", () => {
    expect(extract("Mardi, des hommes armés ont attaqué Boni où deux (02) personnes ont trouvé la mort.")[0]?.fatalities).toBe(2);
  });

  it("reads a toll that rises or 's'alourdit'", () => {
    expect(extract("Mali: gunmen attacked an army post in Boni on Tuesday. The death toll rises to 12.", "en")[0]?.fatalities).toBe(12);
  });
});

describe("numbers that count no dead", () => {
  it("never counts the sources that report the killing", () => {
    expect(extract("Three sources said that gunmen killed at least 22 civilians in Boni, Mali, on Tuesday.", "en")[0]?.fatalities).toBe(22);
  });
});

describe("the number before an active verb", () => {
  it("counts the dead after 'killed', not the attacks before it", () => {
    expect(extract("Gunmen struck twice near Boni, Mali, on Tuesday. The two attacks killed 12 people.", "en")[0]?.fatalities).toBe(12);
  });
});

describe("sums over a period", () => {
  it("never takes 'en moins de deux semaines, N civils tués' for the event's toll", () => {
    const [i] = extract("Mardi, des hommes armés ont tué cinq villageois à Boni. En moins de deux semaines, au moins trente civils ont été tués dans la zone.");
    expect(i?.fatalities).toBe(5);
  });
});

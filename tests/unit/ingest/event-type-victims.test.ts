import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../lib/ingest/pipeline";
import { hasArmedOpponent } from "../../../lib/ingest/event-type";

/** ACLED types an attack by who was attacked: sentences written for these tests. */
const types = (text: string, language: "en" | "fr" = "en") =>
  extractArticle({ text, language, publishedAt: "2024-06-20" }).incidents.map((i) => `${i.eventType} / ${i.subEventType}`);

describe("the type of an attack follows who was attacked", () => {
  it("is violence against civilians when soldiers are only named as responders", () => {
    expect(types("On 3 June, gunmen killed nine worshippers in a mosque in Douentza before soldiers reached the town.")).toEqual([
      "Violence against civilians / Attack",
    ]);
  });

  it("is a battle when soldiers are among those killed", () => {
    expect(types("On 3 June, gunmen attacked an army post in Douentza, killing four soldiers.")).toEqual(["Battles / Armed clash"]);
  });

  it("is violence against civilians for an ambush on a bus, a battle for an ambush on a patrol", () => {
    expect(types("On 3 June, gunmen ambushed a bus near Douentza, killing six passengers.")).toEqual(["Violence against civilians / Attack"]);
    expect(types("On 3 June, gunmen ambushed an army patrol near Douentza, killing six soldiers.")).toEqual(["Battles / Armed clash"]);
  });

  it("keeps an abduction of villagers an abduction when the text also names the army", () => {
    expect(types("Le 3 juin, des hommes armés ont enlevé douze villageois à Douentza avant l'arrivée des militaires.", "fr")).toEqual([
      "Violence against civilians / Abduction/forced disappearance",
    ]);
  });
});

describe("an armed side hit or fighting back", () => {
  it("reads soldiers as victims, never as the agents of a passive", () => {
    expect(hasArmedOpponent("the raid left 13 dead, including 10 gendarmes")).toBe(true);
    expect(hasArmedOpponent("trois soldats tues et deux blesses")).toBe(true);
    expect(hasArmedOpponent("the volunteers fought back")).toBe(true);
    expect(hasArmedOpponent("nine herders were killed by militants")).toBe(false);
    expect(hasArmedOpponent("des civils ont ete tues par des terroristes")).toBe(false);
  });

  it("does not reach across a conjunction into another clause", () => {
    expect(hasArmedOpponent("six herders died when gunmen raided the well")).toBe(false);
    expect(hasArmedOpponent("gunmen killed six herders when soldiers arrived")).toBe(false);
  });

  it("does not count an earlier attack given as a cause", () => {
    expect(hasArmedOpponent("gunmen burned the market in reprisal for an attack on the police post")).toBe(false);
    expect(hasArmedOpponent("gunmen burned the market after the attack on the police post")).toBe(false);
    expect(hasArmedOpponent("gunmen burned the market during an attack on the police post")).toBe(true);
  });
});

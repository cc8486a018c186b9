import { describe, it, expect } from "vitest";
import { findActors } from "../../../lib/ingest/actors";

/** Name normalisation of actors, on sentences written for these tests. */
const names = (text: string, language: "en" | "fr") => findActors(text, language).map((m) => m.actor.name);

describe("actor names", () => {
  it("reads 'Nigerian' forces as Niger's when the text names Niger and never Nigeria", () => {
    expect(names("The Nigerian army patrolled near Niamey.", "en")).toEqual(["Military Forces of Niger"]);
    expect(names("The Nigerian army patrolled near Maiduguri, in Nigeria.", "en")).toEqual(["Military Forces of Nigeria"]);
  });

  it("names the country of 'l'armée nigérienne' rather than the context's army", () => {
    expect(names("L'armée nigérienne a patrouillé près de la frontière.", "fr")).toEqual(["Military Forces of Niger"]);
    expect(names("La gendarmerie malienne a patrouillé.", "fr")).toEqual(["Police Forces of Mali"]);
  });

  it("keeps a named communal militia, not the generic self-defence group describing it", () => {
    expect(names("A Koglweogo self-defence group patrolled the market.", "en")).toEqual(["Koglweogo"]);
    expect(names("Des chasseurs dozos, un groupe d'autodéfense, ont patrouillé.", "fr")).toEqual(["Dozo Communal Militia"]);
    expect(names("A self-defence group patrolled the market.", "en")).toEqual(["Village Self-Defence Militia"]);
    expect(names("Self-defence groups patrolled the market.", "en")).toEqual(["Village Self-Defence Militia"]);
  });
});

describe("a generic militia the text identifies", () => {
  it("is the named militia wherever the text mentions it", () => {
    const text = "A vigilante group raided the market. Witnesses said the raiders were Dozos, a self-defence militia of hunters.";
    expect(names(text, "en")).toEqual(["Dozo Communal Militia", "Dozo Communal Militia"]);
  });
});

describe("spellings of communal militias and auxiliaries", () => {
  it("knows the common variants of Dan Na Ambassagou, the VDP, Dozo and Koglweogo", () => {
    expect(names("Dana Amassagou fighters crossed the river.", "en")).toEqual(["Dan Na Ambassagou"]);
    expect(names("The VDPs and the Volunteers for the Defence of the Fatherland met.", "en")).toEqual([
      "VDP: Volunteers for the Defense of the Homeland",
      "VDP: Volunteers for the Defense of the Homeland",
    ]);
    expect(names("Des miliciens dozos ont traversé le fleuve.", "fr")).toEqual(["Dozo Communal Militia"]);
    expect(names("The koglweogo crossed the river.", "en")).toEqual(["Koglweogo"]);
  });
});

describe("a generic force with its nationality", () => {
  it("reads 'les militaires français' and 'l'armée française' as the French forces, not the army of the event's country", () => {
    expect(names("Les militaires français ont neutralisé des terroristes ; l'armée française a confirmé.", "fr")).toEqual(["Military Forces of France", "Unidentified Armed Group", "Military Forces of France"]);
  });
});

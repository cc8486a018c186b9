import { describe, it, expect } from "vitest";
import { collectFacts } from "../../../../lib/ingest/assemble/facts";
import { sentenceCandidates, splitClauses } from "../../../../lib/ingest/assemble/candidates";
import { buildDrafts } from "../../../../lib/ingest/assemble/merge";
import { assignRoles, roleHint, resolveActors } from "../../../../lib/ingest/assemble/roles";
import { contextDate } from "../../../../lib/ingest/assemble/event-date";
import { finalize } from "../../../../lib/ingest/assemble/finalize";
import type { TriggerMatch } from "../../../../lib/ingest/event-type";

const factsOf = (text: string, publishedAt = "2025-03-12") => collectFacts(text, { language: "fr", publishedAt });

describe("step 1: facts", () => {
  it("finds every place, actor, date, toll and trigger once, and ranks the article's countries", () => {
    const facts = factsOf("Au Mali, mardi, des jihadistes ont attaqué le poste de Boni, tuant trois soldats.");
    expect(facts.places.map((p) => p.place.name)).toEqual(["Mali", "Boni"]);
    expect(facts.actors.map((a) => a.actor.name)).toContain("Unidentified Armed Group");
    expect(facts.dates.map((d) => d.date)).toEqual(["2025-03-11"]);
    expect(facts.fatalities.map((f) => f.count)).toEqual([3]);
    expect(facts.triggers.map((t) => t.rule.id)).toEqual(expect.arrayContaining(["attack", "kill"]));
    expect(facts.countryRanking[0]).toBe("ML");
  });

  it("keeps the places of a qualifying parenthesis as context only", () => {
    const facts = factsOf("Des hommes armés ont tué deux civils à Sadia-Bas (Bankass, Mopti).");
    expect(facts.places).toEqual([]);
    expect(facts.contextPlaces.size).toBe(2);
    expect(facts.named.map((n) => n.name)).toEqual(["Sadia-Bas"]);
  });
});

describe("step 2: candidates", () => {
  it("splits a sentence into clauses and makes one violent candidate with its date, place and toll", () => {
    const facts = factsOf("Mardi, des jihadistes ont attaqué le poste de Boni, tuant trois soldats.");
    const sentence = facts.sentences[0]!;
    expect(splitClauses(sentence, facts.folded)).toHaveLength(3);
    const anaphoras: TriggerMatch[] = [];
    const [c, ...rest] = sentenceCandidates(facts, sentence, 0, anaphoras);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ family: "violence", fatalities: 3, ownDate: true });
    expect(c!.places.map((p) => p.place.name)).toEqual(["Boni"]);
  });

  it("makes no candidate of a trend ('la recrudescence des attaques') and sets aside a reference back", () => {
    const facts = factsOf("La recrudescence des attaques inquiète. Cette attaque a choqué le pays.");
    const anaphoras: TriggerMatch[] = [];
    expect(facts.sentences.flatMap((s, i) => sentenceCandidates(facts, s, i, anaphoras))).toEqual([]);
    expect(anaphoras).toHaveLength(1);
  });
});

describe("step 3: merging", () => {
  it("merges a follow-up toll into the event told before, and keeps events of different days apart", () => {
    const facts = factsOf("Lundi, des hommes armés ont attaqué Boni. Le bilan fait état de quatre morts.\n\nJeudi, une embuscade a visé une patrouille près de Douentza.", "2025-03-14");
    const { drafts } = buildDrafts(facts);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]!.followers.map((f) => f.fatalities)).toEqual([4]);
  });
});

describe("step 4: actor roles", () => {
  it("reads the agent after 'par' and the patient of a passive verb", () => {
    const facts = factsOf("Mardi, des soldats ont été attaqués par des jihadistes près de Boni.");
    const byName = Object.fromEntries(facts.actors.map((a) => [a.actor.name, roleHint(facts, a)]));
    expect(byName).toMatchObject({ "Unidentified Armed Group": "agent" });
    expect(Object.values(byName)).toContain("patient");
  });

  it("assigns actor1 to the side that acted and associates its allies", () => {
    const facts = factsOf("Mardi, Wagner et les FAMa ont tué cinq civils près de Niono.");
    const { drafts } = buildDrafts(facts);
    const actors = resolveActors(drafts[0]!, facts, "ML", facts.countryRanking, "Violence against civilians");
    expect(assignRoles(actors, "Violence against civilians")).toEqual([
      { name: "Military Forces of Mali", role: "actor1", type: 1 },
      { name: "Civilians", role: "actor2", type: 7 },
      { name: "Wagner Group", role: "associated", type: 8 },
    ]);
  });
});

describe("step 5: dates from the story and finalising", () => {
  it("dates a sentence with no date by 'le lendemain' of the last day told", () => {
    const facts = factsOf("Le 3 mars, des hommes armés ont attaqué Boni.\n\nLe lendemain, une embuscade a visé des soldats près de Douentza.");
    const { drafts } = buildDrafts(facts);
    expect(contextDate(facts, drafts[1]!.candidates[0]!)?.date).toBe("2025-03-04");
  });

  it("finalises a draft into one coded incident with evidence slicing the text", () => {
    const facts = factsOf("Mardi, des jihadistes ont attaqué le poste de Boni, tuant trois soldats.");
    const { drafts } = buildDrafts(facts);
    const [i, ...rest] = finalize(drafts[0]!, facts, []);
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ eventType: "Battles", location: "Boni", eventDate: "2025-03-11", fatalities: 3, country: "Mali" });
    for (const e of i!.evidence) expect(facts.text.slice(e.start, e.end)).toBe(e.text);
  });
});

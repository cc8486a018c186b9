/**
 * Step 2, candidate finding: the unit is the clause. Triggers of the same family within a sentence make
 * one candidate; clauses without a trigger lend their dates, places and actors to the nearest candidate;
 * generic mentions ("la recrudescence des attaques") and references back ("cette visite") never make
 * candidates of their own.
 */
import type { DateMention } from "../dates";
import { isBackgroundReference, isGenericContext, isIntentContext, isRecapSentence, isTrendSentence, type TriggerMatch } from "../event-type";
import { sentenceFatalities } from "../fatalities";
import type { PlaceEntry, PlaceMention } from "../gazetteer";
import type { Sentence } from "../sentences";
import { spanIndexAt } from "../spans";
import { Family, familyOf, Clause, Candidate, ArticleFacts, within } from "./types";
import { eventDateOnly } from "./facts";

export const CLAUSE_BREAK = /[,;:()]|\s-\s|\s(?=(?:tandis que|alors que|while|whereas|mais|but)\s)/g;

export function splitClauses(sentence: Sentence, folded: string): Clause[] {
  const clauses: Clause[] = [];
  const local = folded.slice(sentence.start, sentence.end);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(local); m; m = CLAUSE_BREAK.exec(local)) {
    // "1,5" is a number, not a clause break.
    if (m[0] === "," && /\d/.test(local[m.index - 1] ?? "") && /\d/.test(local[m.index + 1] ?? "")) continue;
    if (m.index > start) clauses.push({ start: sentence.start + start, end: sentence.start + m.index });
    start = m.index + m[0].length;
  }
  if (start < local.length) clauses.push({ start: sentence.start + start, end: sentence.end });
  return clauses;
}

export function clauseIndexOf(clauses: Clause[], offset: number): number {
  const i = spanIndexAt(clauses, offset);
  return i >= 0 ? i : clauses.length - 1;
}

const CLAIM_AFTER = /^\s*(?:\S+\s+){0,3}?(?:a ete |ont ete |was |has been )?(?:revendique\w*|claimed|attribue\w*|imputee?s?)\b/;
const CLAIM_BEFORE = /\b(?:revendique|ont revendique|claimed(?: responsibility for)?|claims(?: responsibility for)?|responsabilite de)\s+(?:the |this |l'|la |le |cette )?$/;
// "Au Mali, lundi,...", "Mali : le 10 juin, ...": a short place frame or a label before the opening date.
const LEAD_FRAME = /^(?:(?:au|en|a|dans|in)\s[^,;]{2,18},|[^,;:.]{2,20}:\s*(?:le|on)?)\s*$/;
const AGGREGATE_BEFORE = /\b(?:differentes|diverses|various|separate)\s+$/;
export const LOCATIVE_BEFORE = /\b(a|au|aux|en|in|at|dans|vers|pour la|pour le|pour l'|a destination d[eu']|en direction d[eu']|vers la|vers le|pres du|proche du|proche de la|into|inside|across|near|ouest du|est du|nord du|sud du|centre du|l'ouest du|l'est du|le nord du|le sud du|le centre du|frontiere avec|border with|region of|regions? du|territoire)\s*$/;
const RELATIVE_DEED = /^\s*(?:qui (?:a|avait|ont|avaient)|that (?:killed|left|claimed|targeted|hit|cost)|which (?:killed|left|claimed|targeted|hit|cost))\b/;
export const DEFINITE_NOUN = /(?:\bthe |\bl'|\bla |\ble )(?:attaque|attack|embuscade|ambush|explosion|frappe|strike|raid|assaut|assault|enlevement|kidnapping|abduction|massacre|manifestation|protest|incursion)$/;

/** A clause that is only a date and its time of day (", mardi matin,", ", le 11 juillet dernier,"). */
function isDateAside(clause: Clause, dates: DateMention[], folded: string): boolean {
  const inside = dates.filter((d) => d.start >= clause.start && d.start < clause.end);
  if (inside.length === 0) return false;
  let rest = folded.slice(clause.start, clause.end);
  for (const d of inside) rest = rest.replace(folded.slice(d.start, d.end), " ");
  return rest.replace(/\b(?:matin|soir|nuit|apres-midi|dernier|derniere|courant|vers|aux environs de|\d+\s*h(?:eures?)?\s*\d*|morning|evening|night|afternoon|last|le|la|les|du|de|on|in|at)\b/g, " ").replace(/[\s,;:()–—-]+/g, "").length <= 3;
}

/** Splits a sentence's triggers into candidate events, lending trigger-less clauses to the nearest one. */
export function sentenceCandidates(facts: ArticleFacts, sentence: Sentence, sentenceIndex: number, anaphoras: TriggerMatch[]): Candidate[] {
  const { folded, text } = facts;
  const clauses = splitClauses(sentence, folded);
  const triggers = within(facts.triggers, sentence.start, sentence.end);
  if (triggers.length === 0) return [];
  const allDates = within(facts.dates, sentence.start, sentence.end);
  const dates = allDates.filter(eventDateOnly);
  const reportedDate = allDates.find((d) => !eventDateOnly(d));
  const fatalities = within(facts.fatalities, sentence.start, sentence.end);

  const live: TriggerMatch[] = [];
  // The relative clause of a recalled event ("l'attaque qui a tué 14 soldats") tells that event again.
  let recalledUntil = -1;
  const located = dates.length > 0 || within(facts.places, sentence.start, sentence.end).some((p) => p.place.kind !== "country");
  for (const t of triggers) {
    // "did not claim the attack", "L'attaque a été revendiquée": a definite reference, with nothing new to
    // place or date it, refers back to the event already told.
    const definiteNoun = DEFINITE_NOUN.test(folded.slice(Math.max(sentence.start, t.start - 4), t.end));
    // "L'attaque a été revendiquée jeudi", "X claimed responsibility for the attack": the day is the claim's.
    const claimed = definiteNoun && (CLAIM_AFTER.test(folded.slice(t.end, Math.min(sentence.end, t.end + 40))) || CLAIM_BEFORE.test(folded.slice(Math.max(sentence.start, t.start - 50), t.start)));
    // "l'attaque qui a tué 14 soldats à Soumpi", "the attack that killed 14": past the article's lead, an
    // event known to the reader, recalled by what it did, when nothing in the sentence dates it anew. In the
    // lead ("l'attaque qui a visé le camp de Boulkessi a fait 14 morts") it is the news itself.
    const recalled =
      definiteNoun && dates.length === 0 && sentenceIndex > 1 && RELATIVE_DEED.test(folded.slice(t.end, Math.min(sentence.end, t.end + 30)));
    if (recalled) {
      const stop = folded.slice(t.end, Math.min(sentence.end, t.end + 120)).search(/[,;:.]/);
      recalledUntil = stop < 0 ? Math.min(sentence.end, t.end + 120) : t.end + stop;
    }
    const definite = (!located && definiteNoun) || claimed || recalled || t.start < recalledUntil;
    if (t.anaphoric || definite) anaphoras.push(definite ? { ...t, anaphoric: true } : t);
    else live.push(t);
  }
  // Violence only planned or guarded against ("to guard against any incursion") is no event, and lends no
  // violence to the deployment beside it.
  for (let i = live.length - 1; i >= 0; i--) {
    const t = live[i]!;
    if (familyOf(t.rule.kind) !== "strategic" && isIntentContext(folded.slice(sentence.start, t.start))) live.splice(i, 1);
  }
  // One group per family; strategic developments with different dates of their own stay apart.
  const groups: { family: Family; triggers: TriggerMatch[]; clauses: Set<number> }[] = [];
  // "Hier, l'armée a mené des frappes...": a date opening the sentence dates every clause of it.
  // "Au Mali, lundi, des attaques ont visé...": a short place frame may stand before it.
  const leadDate = dates.find(
    (d) => (d.start - sentence.start <= 3 || (d.start - sentence.start <= 24 && LEAD_FRAME.test(folded.slice(sentence.start, d.start)))) && d.precision !== "year" && !d.since,
  );
  const pluralWord = (t: TriggerMatch) => /[sx]$/.test(folded.slice(t.start, t.end).split(" ")[0]!);
  const isGenericTrigger = (t: TriggerMatch) => {
    const clause = clauseIndexOf(clauses, t.start);
    const dated =
      !!leadDate ||
      dates.some((d) => {
        const at = clauseIndexOf(clauses, d.start);
        return at === clause || (Math.abs(at - clause) === 1 && isDateAside(clauses[at]!, dates, folded));
      }) ||
      fatalities.some((f) => clauseIndexOf(clauses, f.start) === clause);
    return isGenericContext(folded.slice(sentence.start, t.start), pluralWord(t)) || (t.plural && !dated);
  };
  // "une patrouille (...) a été prise dans une embuscade", "ambushed a patrol": the patrol is the target.
  const isTargetOfViolence = (t: TriggerMatch) =>
    live.some((v) => {
      if (familyOf(v.rule.kind) === "strategic" || isGenericTrigger(v)) return false;
      if (v.start >= t.end) return v.start - t.end <= 100 && /\b(a ete|ont ete|was|were|has been|have been)\b/.test(folded.slice(t.end, v.start));
      return t.start - v.end <= 40;
    });
  const violentClauses = new Set(
    live.filter((t) => familyOf(t.rule.kind) !== "strategic" && !isGenericTrigger(t)).map((t) => clauseIndexOf(clauses, t.start)),
  );
  for (const t of live) {
    // Vehicles burnt, a patrol ambushed, suspects arrested in the course of an attack belong to the attack.
    // A patrol or convoy "pris dans une embuscade" is the target of the attack, wherever the clause breaks.
    const joinsViolence =
      familyOf(t.rule.kind) === "strategic" &&
      (violentClauses.has(clauseIndexOf(clauses, t.start)) ||
        ((t.rule.id === "deployment" || t.rule.id === "looting") && isTargetOfViolence(t)) ||
        // "Lors d'une opération de ratissage près de Boni, les FAMa ont neutralisé dix terroristes": the
        // operation is the frame of the fight the same sentence tells.
        (t.rule.id === "deployment" && violentClauses.size > 0));
    const family = joinsViolence ? "violence" : familyOf(t.rule.kind);
    const clause = clauseIndexOf(clauses, t.start);
    const clauseDate = dates.find((d) => clauseIndexOf(clauses, d.start) === clause);
    const target =
      family === "crowd" || family === "violence"
        ? groups.find((g) => g.family === "violence" || g.family === "crowd")
        : groups.find((g) => {
            if (g.family !== "strategic") return false;
            const groupDates = dates.filter((d) => g.clauses.has(clauseIndexOf(clauses, d.start)));
            return !clauseDate || groupDates.length === 0 || groupDates.some((d) => d.date === clauseDate.date);
          });
    if (target) {
      target.triggers.push(t);
      target.clauses.add(clause);
      if (family === "crowd" && target.family === "violence") target.family = "crowd";
    } else {
      groups.push({ family, triggers: [t], clauses: new Set([clause]) });
    }
  }

  const inClauseIndex = <T extends { start: number }>(items: T[], set: Set<number>) => items.filter((x) => set.has(clauseIndexOf(clauses, x.start)));
  // A trend ("la recrudescence des attaques", "les combats" without date or toll) is no event: drop it first.
  const isGenericGroup = (g: (typeof groups)[number]) => {
    const ownDates = leadDate ? [leadDate] : inClauseIndex(dates, g.clauses);
    const ownFatalities = inClauseIndex(fatalities, g.clauses);
    const generic = g.triggers.every(
      (t) => isGenericContext(folded.slice(sentence.start, t.start), pluralWord(t)) || (t.plural && ownDates.length === 0 && ownFatalities.length === 0),
    );
    const intent = g.triggers.every((t) => isIntentContext(folded.slice(sentence.start, t.start)));
    // "Trente personnes tuées dans différentes attaques": the deaths are a sum over several events.
    const aggregate = g.family === "violence" && g.triggers.some((t) => AGGREGATE_BEFORE.test(folded.slice(Math.max(sentence.start, t.start - 20), t.start)));
    return intent || aggregate || (generic && !(g.family === "strategic" && ownDates.length > 0));
  };
  for (let gi = groups.length - 1; gi >= 0; gi--) if (isGenericGroup(groups[gi]!)) groups.splice(gi, 1);
  // "Since 2012, Mali has been fighting insurgencies that have killed thousands": violence dated by nothing
  // finer than a year (or only by "since") is background, not an event.
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    // Only coups are told this way ("depuis le coup d'État"); "depuis le lancement des patrouilles" dates a development.
    if (groups[gi]!.triggers.every((t) => t.rule.id === "sanction" && isBackgroundReference(folded.slice(sentence.start, t.start)))) groups.splice(gi, 1);
  }
  const sentenceFolded = folded.slice(sentence.start, sentence.end);
  const trend = (isTrendSentence(sentenceFolded) && !dates.some((d) => d.precision === "day" || d.precision === "week")) || isRecapSentence(sentenceFolded);
  if (trend || (dates.length > 0 && dates.every((d) => d.precision === "year" || d.since))) {
    for (let gi = groups.length - 1; gi >= 0; gi--) if (groups[gi]!.family !== "strategic") groups.splice(gi, 1);
  }

  const anaphoricClauses = new Set(triggers.filter((t) => t.anaphoric).map((t) => clauseIndexOf(clauses, t.start)));
  const owner = new Map<number, number>();
  clauses.forEach((_, ci) => {
    if (groups.some((g) => g.clauses.has(ci)) || anaphoricClauses.has(ci)) return;
    let bestGroup = -1;
    let bestDistance = Infinity;
    groups.forEach((g, gi) => {
      for (const c of g.clauses) {
        const distance = Math.abs(c - ci);
        if (distance < bestDistance) [bestGroup, bestDistance] = [gi, distance];
      }
    });
    if (bestGroup >= 0) owner.set(ci, bestGroup);
  });

  const candidates: Candidate[] = [];
  groups.forEach((g, gi) => {
    const own = [...g.clauses].sort((a, b) => a - b).map((i) => clauses[i]!);
    const lent = clauses.filter((_, ci) => owner.get(ci) === gi);
    const inClauses = <T extends { start: number; end: number }>(items: T[], cs: Clause[]) =>
      items.filter((x) => cs.some((c) => x.start >= c.start && x.start < c.end));
    // "Vingt villageois ont été tués, mardi matin, par des hommes armés": a date set off by commas next to
    // the event's clause dates it as if inside it.
    const asides = clauses.filter((c, ci) => !own.includes(c) && own.some((o) => Math.abs(clauses.indexOf(o) - ci) === 1) && isDateAside(c, dates, folded));
    const clauseDates = inClauses(dates, [...own, ...asides]);
    const ownDates = clauseDates.length === 0 && leadDate ? [leadDate] : clauseDates;
    const ownFatalities = inClauses(fatalities, own);
    const ownPlaces = inClauses(within(facts.places, sentence.start, sentence.end), own);
    const lentPlaces = inClauses(within(facts.places, sentence.start, sentence.end), lent);
    const allFatalities = [...ownFatalities, ...inClauses(fatalities, lent)];

    const strongOwn = ownPlaces.filter((p) => p.place.kind !== "country");
    const countryMentions = [...ownPlaces, ...lentPlaces].filter((p) => p.place.kind === "country");
    const countryActors =
      g.family === "strategic"
        ? countryMentions.filter((p) => !LOCATIVE_BEFORE.test(folded.slice(Math.max(0, p.start - 25), p.start)))
        : [];
    // "près de la frontière avec le Sénégal" names the neighbour, not where it happened.
    const neighbour = (p: PlaceMention) =>
      p.place.kind === "country" &&
      /\b(frontiere avec|frontieres? (?:du|de la|de l')|border with|borders? of)(?:[^.;]{0,40}?\b(?:et|and))?\s*(?:le |la |l'|the )?$/.test(folded.slice(Math.max(0, p.start - 70), p.start));
    const placeList = (strongOwn.length > 0 ? ownPlaces : [...ownPlaces, ...lentPlaces]).filter((p) => !neighbour(p));
    const usablePlaces = placeList.filter((p) => !countryActors.includes(p));
    candidates.push({
      sentence,
      sentenceIndex,
      family: g.family,
      triggers: g.triggers,
      ownClauses: own,
      places: usablePlaces.length > 0 ? usablePlaces : placeList,
      ownPlaces: strongOwn.length > 0,
      dates: ownDates.length > 0 ? ownDates : inClauses(dates, lent),
      ownDate: ownDates.length > 0,
      reportedDate,
      actors: inClauses(within(facts.actors, sentence.start, sentence.end), [...own, ...lent]),
      countryActors,
      fatalities: sentenceFatalities(allFatalities, folded.slice(sentence.start, sentence.end)),
      fatalityMentions: allFatalities,
    });
  });
  return candidates;
}

export const KIND_RANK: Record<PlaceEntry["kind"], number> = { locality: 0, admin2: 1, admin1: 2, country: 3 };

export function bestPlace(candidate: Candidate): PlaceMention | undefined {
  const anchor = candidate.triggers[0]!.start;
  // "Boni, à 40 km de Douentza": the town the distance is measured from is the place only when no other is named.
  return [...candidate.places].sort(
    (a, b) =>
      Number(!!a.landmark) - Number(!!b.landmark) || KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] || Math.abs(a.start - anchor) - Math.abs(b.start - anchor),
  )[0];
}

export function strongPlace(candidate: Candidate): PlaceEntry | undefined {
  const place = bestPlace(candidate);
  return place && (place.place.kind === "locality" || place.place.kind === "admin2") ? place.place : undefined;
}

export function bestDate(candidate: Candidate): DateMention | undefined {
  const anchor = candidate.triggers[0]!.start;
  return [...candidate.dates].sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))[0];
}

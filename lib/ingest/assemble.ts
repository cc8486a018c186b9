/**
 * Groups what the other steps found into incidents. The unit is the clause: triggers of the same family
 * within a sentence make one candidate; clauses without a trigger lend their dates, places and actors to
 * the nearest candidate; generic mentions ("la recrudescence des attaques") and references back ("cette
 * visite") never make incidents of their own. Candidates then merge across sentences when they describe
 * the same event (same development, no conflicting date or place), so one article yields one incident
 * per event, each field backed by the sentence it came from.
 */
import { findActors, stateActor, actorByCanonicalName, type ActorEntry, type ActorMention } from "./actors";
import { findDates, isReportingDate, type DateMention, type DatePrecision } from "./dates";
import {
  decideEventType,
  findTriggers,
  hasMilitaryTarget,
  isBackgroundReference,
  isGenericContext,
  isTrendSentence,
  TRIGGER_RULES,
  type TriggerKind,
  type TriggerMatch,
} from "./event-type";
import { findFatalities, sentenceFatalities, type FatalityMention } from "./fatalities";
import { countCountryMentions, countryByCode, findPlaces, lookupPlace, type PlaceEntry, type PlaceMention } from "./gazetteer";
import type { Language } from "./language";
import { foldKeepLength, tokenize } from "./normalize";
import { splitSentences, type Sentence } from "./sentences";
import { overlapsAny, spanIndexAt, within } from "./spans";
import type { EventType, SubEventType } from "../incidents/taxonomy";

export interface Evidence {
  field: string;
  text: string;
  start: number;
  end: number;
}

export interface IncidentActorOut {
  name: string;
  role: "actor1" | "actor2" | "associated";
  type: number;
}

export interface ExtractedIncident {
  eventDate: string | null;
  endDate: string | null;
  datePrecision: DatePrecision;
  eventType: EventType;
  subEventType: SubEventType;
  summary: string;
  country: string;
  admin1: string | null;
  /** Mali's 2023-reform region when it differs from admin1 (Sandaré: admin1 Kayes, reform Nioro). */
  admin1Reform: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: 1 | 2 | 3;
  actors: IncidentActorOut[];
  fatalities: number | null;
  evidence: Evidence[];
}

export interface AssembleOptions {
  language: Language;
  publishedAt?: string | null;
  /** Offset where the article body starts (after a header); nothing before it is read. */
  bodyStart?: number;
  /** Country code to fall back on when the article names no country (a feed's country hint). */
  countryHint?: string;
}

type Family = "violence" | "crowd" | "strategic";

function familyOf(kind: TriggerKind): Family {
  if (kind === "strategic") return "strategic";
  if (kind === "protest" || kind === "riot" || kind === "mob") return "crowd";
  return "violence";
}

interface Clause {
  start: number;
  end: number;
}

/** What one group of triggers in one sentence says. */
interface Candidate {
  sentence: Sentence;
  sentenceIndex: number;
  family: Family;
  triggers: TriggerMatch[];
  ownClauses: Clause[];
  places: PlaceMention[];
  ownPlaces: boolean;
  dates: DateMention[];
  ownDate: boolean;
  /** "the army said on Wednesday": the fallback date when nothing else dates the event. */
  reportedDate: DateMention | undefined;
  actors: ActorMention[];
  /** Countries named as the subject of a development ("le retrait du Mali"), not as its place. */
  countryActors: PlaceMention[];
  fatalities: number | null;
  fatalityMentions: FatalityMention[];
  unknownPlace: { name: string; start: number; end: number } | null;
}

/** A sentence with no event of its own that adds facts to the one told just before ("Le bilan fait état de cinq morts"). */
interface Follower {
  sentence: Sentence;
  actors: ActorMention[];
  fatalities: number | null;
  fatalityMentions: FatalityMention[];
}

interface Draft {
  family: Family;
  candidates: Candidate[];
  followers: Follower[];
}

interface ArticleFacts {
  text: string;
  folded: string;
  sentences: Sentence[];
  places: PlaceMention[];
  actors: ActorMention[];
  dates: DateMention[];
  fatalities: FatalityMention[];
  triggers: TriggerMatch[];
  countryRanking: string[];
  publishedAt: string | null;
}

const CLAUSE_BREAK = /[,;:()]|\s-\s|\s(?=(?:tandis que|alors que|while|whereas|mais|but)\s)/g;

function splitClauses(sentence: Sentence, folded: string): Clause[] {
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

function clauseIndexOf(clauses: Clause[], offset: number): number {
  const i = spanIndexAt(clauses, offset);
  return i >= 0 ? i : clauses.length - 1;
}

const LOCATIVE_BEFORE = /\b(a|au|aux|en|in|at|dans|vers|pour la|pour le|pour l'|a destination d[eu']|en direction d[eu']|vers la|vers le|pres du|proche du|proche de la|into|inside|across|near|ouest du|est du|nord du|sud du|centre du|l'ouest du|l'est du|le nord du|le sud du|le centre du|frontiere avec|border with|region of|regions? du|territoire)\s*$/;
const UNKNOWN_PLACE = /\b(?:village|localite|hameau|commune rurale|commune|bourgade|ville|zone|secteur|près de|près d'|non loin de|à proximité de|hamlet|town|village of|locality of|area of|near)\s+(?:de |d'|of )?((?:\p{Lu}[\p{L}'’-]+)(?:[ -](?:\p{Lu}[\p{L}'’-]+))?)/gu;

function findUnknownPlace(text: string, start: number, end: number, known: PlaceMention[]): Candidate["unknownPlace"] {
  UNKNOWN_PLACE.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = UNKNOWN_PLACE.exec(slice); m; m = UNKNOWN_PLACE.exec(slice)) {
    const name = m[1]!;
    const nameStart = start + m.index + m[0].length - name.length;
    if (known.some((p) => p.start === nameStart)) continue;
    if (lookupPlace(name).length > 0) continue;
    return { name, start: nameStart, end: nameStart + name.length };
  }
  return null;
}

// Dates that only tell when something was said ("the army said on Wednesday"): an event's date only when
// the text gives no other.
const REPORTING = new WeakSet<DateMention>();
const eventDateOnly = (d: DateMention) => !REPORTING.has(d);

function collectFacts(text: string, options: AssembleOptions): ArticleFacts {
  const folded = foldKeepLength(text);
  const tokens = tokenize(folded);
  const bodyStart = options.bodyStart ?? 0;
  const sentences = splitSentences(text).filter((s) => s.start >= bodyStart);
  const actors = findActors(text, options.language, folded, tokens);
  // A place inside an actor's name ("Katiba Macina", "armée du Mali") is not where anything happened.
  const places = findPlaces(text, folded, tokens).filter((p) => !overlapsAny(p, actors));
  const publishedAt = options.publishedAt ?? null;
  const dates = findDates(text, options.language, publishedAt, folded);
  for (const d of dates) if (isReportingDate(folded, d.start)) REPORTING.add(d);
  const fatalities = findFatalities(text, folded);
  const found = findTriggers(folded).filter((t) => !overlapsAny(t, actors) && !overlapsAny(t, places));
  // "Des manifestants se sont rassemblés": the crowd itself says a protest happened.
  const crowdTriggers: TriggerMatch[] = actors
    .filter((a) => a.actor.special === "protesters" || a.actor.special === "rioters")
    .flatMap((a) => {
      const r = TRIGGER_RULES.find((x) => x.id === (a.actor.special === "protesters" ? "protest" : "riot"));
      return r ? [{ rule: r, start: a.start, end: a.end, plural: false, anaphoric: false }] : [];
    });
  const triggers = [...found, ...crowdTriggers].sort((a, b) => a.start - b.start);
  const bodyTokens = tokens.filter((t) => t.start >= bodyStart);
  const counts = countCountryMentions(text, findPlaces(text, folded, bodyTokens), folded, bodyTokens);
  const countryRanking = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  if (options.countryHint && !countryRanking.length) countryRanking.push(options.countryHint);
  return { text, folded, sentences, places, actors, dates, fatalities, triggers, countryRanking, publishedAt };
}

const DEFINITE_NOUN = /(?:\bthe |\bl'|\bla |\ble )(?:attaque|attack|embuscade|ambush|explosion|frappe|strike|raid|assaut|assault|enlevement|kidnapping|abduction|massacre|manifestation|protest|incursion)$/;

/** Splits a sentence's triggers into candidate events, lending trigger-less clauses to the nearest one. */
function sentenceCandidates(facts: ArticleFacts, sentence: Sentence, sentenceIndex: number, anaphoras: TriggerMatch[]): Candidate[] {
  const { folded, text } = facts;
  const clauses = splitClauses(sentence, folded);
  const triggers = within(facts.triggers, sentence.start, sentence.end);
  if (triggers.length === 0) return [];
  const allDates = within(facts.dates, sentence.start, sentence.end);
  const dates = allDates.filter(eventDateOnly);
  const reportedDate = allDates.find((d) => !eventDateOnly(d));
  const fatalities = within(facts.fatalities, sentence.start, sentence.end);

  const live: TriggerMatch[] = [];
  const located = dates.length > 0 || within(facts.places, sentence.start, sentence.end).some((p) => p.place.kind !== "country");
  for (const t of triggers) {
    // "did not claim the attack", "L'attaque a été revendiquée": a definite reference, with nothing new to
    // place or date it, refers back to the event already told.
    const definite = !located && DEFINITE_NOUN.test(folded.slice(Math.max(sentence.start, t.start - 4), t.end));
    if (t.anaphoric || definite) anaphoras.push(definite ? { ...t, anaphoric: true } : t);
    else live.push(t);
  }
  // One group per family; strategic developments with different dates of their own stay apart.
  const groups: { family: Family; triggers: TriggerMatch[]; clauses: Set<number> }[] = [];
  // "Hier, l'armée a mené des frappes...": a date opening the sentence dates every clause of it.
  const leadDate = dates.find((d) => d.start - sentence.start <= 3 && d.precision !== "year" && !d.since);
  const isGenericTrigger = (t: TriggerMatch) => {
    const clause = clauseIndexOf(clauses, t.start);
    const dated = !!leadDate || dates.some((d) => clauseIndexOf(clauses, d.start) === clause) || fatalities.some((f) => clauseIndexOf(clauses, f.start) === clause);
    return isGenericContext(folded.slice(sentence.start, t.start)) || (t.plural && !dated);
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
      (violentClauses.has(clauseIndexOf(clauses, t.start)) || ((t.rule.id === "deployment" || t.rule.id === "looting") && isTargetOfViolence(t)));
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
      (t) => isGenericContext(folded.slice(sentence.start, t.start)) || (t.plural && ownDates.length === 0 && ownFatalities.length === 0),
    );
    return generic && !(g.family === "strategic" && ownDates.length > 0);
  };
  for (let gi = groups.length - 1; gi >= 0; gi--) if (isGenericGroup(groups[gi]!)) groups.splice(gi, 1);
  // "Since 2012, Mali has been fighting insurgencies that have killed thousands": violence dated by nothing
  // finer than a year (or only by "since") is background, not an event.
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    // Only coups are told this way ("depuis le coup d'État"); "depuis le lancement des patrouilles" dates a development.
    if (groups[gi]!.triggers.every((t) => t.rule.id === "sanction" && isBackgroundReference(folded.slice(sentence.start, t.start)))) groups.splice(gi, 1);
  }
  const sentenceFolded = folded.slice(sentence.start, sentence.end);
  const trend = isTrendSentence(sentenceFolded) && !dates.some((d) => d.precision === "day" || d.precision === "week");
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
    const clauseDates = inClauses(dates, own);
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
      unknownPlace: findUnknownPlace(text, sentence.start, sentence.end, facts.places),
    });
  });
  return candidates;
}

const KIND_RANK: Record<PlaceEntry["kind"], number> = { locality: 0, admin2: 1, admin1: 2, country: 3 };

function bestPlace(candidate: Candidate): PlaceMention | undefined {
  const anchor = candidate.triggers[0]!.start;
  return [...candidate.places].sort(
    (a, b) => KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] || Math.abs(a.start - anchor) - Math.abs(b.start - anchor),
  )[0];
}

function strongPlace(candidate: Candidate): PlaceEntry | undefined {
  const place = bestPlace(candidate);
  return place && (place.place.kind === "locality" || place.place.kind === "admin2") ? place.place : undefined;
}

function bestDate(candidate: Candidate): DateMention | undefined {
  const anchor = candidate.triggers[0]!.start;
  return [...candidate.dates].sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))[0];
}

function frameOf(candidate: Candidate): string {
  if (candidate.family !== "strategic") return candidate.family;
  const ids = new Set(candidate.triggers.map((t) => t.rule.id));
  for (const id of ["agreement", "arrest", "withdrawal", "visit", "deployment", "looting", "disrupted", "base", "transfer", "sanction"]) {
    if (ids.has(id)) return id;
  }
  return "strategic";
}

function draftDate(draft: Draft): string | undefined {
  for (const c of draft.candidates) if (c.ownDate) return bestDate(c)?.date;
  return undefined;
}

function draftPlace(draft: Draft): PlaceEntry | undefined {
  for (const c of draft.candidates) {
    const p = strongPlace(c);
    if (p) return p;
  }
  return undefined;
}

/** Whether a candidate can be the same event as an earlier draft. */
function sameEvent(candidate: Candidate, draft: Draft): boolean {
  const last = draft.candidates[draft.candidates.length - 1]!;
  const followUp =
    candidate.family === "strategic" &&
    draft.family !== "strategic" &&
    candidate.triggers.every((t) => t.rule.id === "looting") &&
    (!candidate.ownDate || !draftDate(draft)) &&
    !strongPlace(candidate) &&
    candidate.sentenceIndex - last.sentenceIndex <= 1;
  if (followUp) return true;
  const sameFamily = candidate.family === draft.family || (candidate.family !== "strategic" && draft.family !== "strategic");
  if (!sameFamily || frameOf(candidate) !== frameOf(draft.candidates[0]!)) return false;
  // An air strike or a bomb told in its own dated or placed sentence is its own event, not part of a raid.
  const explosive = (c: Candidate) => c.triggers.some((t) => t.rule.kind === "explosion");
  if (
    candidate.family === "violence" &&
    explosive(candidate) !== draft.candidates.some(explosive) &&
    candidate.sentence.paragraph !== last.sentence.paragraph &&
    (candidate.ownDate || strongPlace(candidate))
  ) {
    return false;
  }
  const date = candidate.ownDate ? bestDate(candidate)?.date : undefined;
  const existingDate = draftDate(draft);
  if (date && existingDate && date !== existingDate) return false;
  const place = strongPlace(candidate);
  const existingPlace = draftPlace(draft);
  if (place && existingPlace && place.id !== existingPlace.id) return false;
  if (draft.family === "strategic") return !date || date === existingDate;
  // Violence: a follow-up without its own date and place continues the story told just before.
  if (date && place) return date === existingDate && place.id === existingPlace?.id;
  const near = candidate.sentence.paragraph === last.sentence.paragraph || candidate.sentenceIndex - last.sentenceIndex <= 1;
  return near || (!!place && place.id === existingPlace?.id && !!date && date === existingDate);
}

type RoleHint = "agent" | "patient" | null;

const CASUALTY = /\b(bless(?:e|es|ee|ees|ure|ures)|wounded|injured|bilan|toll|casualt(?:y|ies)|victimes?|pertes?|morts?|dead|killed|tues?|tuees?)\b/;
const ATTRIBUTION = /\b(blamed|attributed to|accused|claimed responsibility|attribuee?s? a|imputee?s? a|accuse\w*|revendiqu\w*|se reclamant d\w*)\b/;
// A toll given by those who claim the attack is propaganda until nothing else is known.
const CLAIM = /\b(revendiqu\w*|claim(?:ed|s|ing)?|propagande|propaganda|the group said|said it had killed|selon (?:le|les) (?:jnim|gsim|eigs|groupe|jihadistes|assaillants))\b/;

interface ResolvedActor {
  actor: ActorEntry;
  mention: ActorMention | null;
  hint: RoleHint;
}

const PASSIVE_BEFORE = /\b(?:a ete|ont ete|avait ete|avaient ete|ete|est|sont|etaient|etait|was|were|been|being|is|are|se sont|s'est|se fait)\s+(?:\p{L}+\s+)?$/u;
const NOUN_TRIGGER = /^(?:attaques?|attentats?|assauts?|offensives?|incursions?|raids?|embuscades?|affrontements?|combats?|attacks?|assaults?|ambush(?:es)?|clashes|offensive)$/;

/**
 * Who did it and to whom, from the sentence around an actor's mention: the subject of an active verb or
 * the agent after "par"/"by" acts; the object of an active verb, the subject of a passive one and what
 * follows "contre"/"against" undergoes. Null when the sentence does not say.
 */
function roleHint(facts: ArticleFacts, mention: ActorMention): RoleHint {
  if (mention.actor.special === "civilians") return "patient";
  const sentence = sentenceAt(facts, mention.start);
  if (!sentence) return null;
  const triggers = within(facts.triggers, sentence.start, sentence.end).filter((t) => t.rule.kind !== "strategic" || t.rule.id === "arrest");
  if (triggers.length === 0) return null;
  const nearest = [...triggers].sort((a, b) => Math.min(Math.abs(a.start - mention.end), Math.abs(mention.start - a.end)) - Math.min(Math.abs(b.start - mention.end), Math.abs(mention.start - b.end)))[0]!;
  const f = facts.folded;
  const passive = PASSIVE_BEFORE.test(f.slice(Math.max(sentence.start, nearest.start - 30), nearest.start));
  if (mention.end <= nearest.start) {
    const gap = f.slice(mention.end, nearest.start);
    if (/\b(contre|against|visant|targeting)\b/.test(f.slice(Math.max(sentence.start, mention.start - 25), mention.start))) return "patient";
    if (passive) return "patient";
    // Only the subject acts: the first actor named before the verb, not an object between them.
    const earlier = facts.actors.some((a) => a.start >= sentence.start && a.end <= mention.start && a.actor.special !== "civilians");
    if (earlier) return null;
    return gap.length <= 120 ? "agent" : null;
  }
  const gap = f.slice(nearest.end, mention.start);
  if (gap.length > 90) return null;
  if (/\b(par|by)\b/.test(gap) && !/\b(contre|against|visant|targeting)\b/.test(gap.slice(gap.search(/\b(par|by)\b/)))) return "agent";
  if (/\b(contre|against|visant|targeting|on|sur)\b/.test(gap)) return "patient";
  if (NOUN_TRIGGER.test(f.slice(nearest.start, nearest.end)) && /^\s*(?:d[eu']|des|of)\s*(?:la |l')?$/.test(gap)) {
    // "l'attaque du JNIM" names the attacker; "l'attaque du poste de l'armée" the target.
    return [2, 3, 4].includes(mention.actor.type) ? "agent" : "patient";
  }
  return passive ? null : "patient";
}

function resolveActors(draft: Draft, facts: ArticleFacts, countryCode: string | null, ranking: string[], eventType: EventType): ResolvedActor[] {
  const countryMentions: ActorMention[] =
    eventType === "Strategic developments"
      ? draft.candidates.flatMap((c) =>
          c.countryActors.flatMap((p) => {
            const government = stateActor("government", p.place.countryCode);
            return government ? [{ actor: government, start: p.start, end: p.end }] : [];
          }),
        )
      : [];
  const named = [...draft.candidates.flatMap((c) => c.actors), ...draft.followers.flatMap((f) => f.actors)];
  const mentions = [
    ...named,
    // A country named as the subject of a development stands for its government, unless its own forces are named.
    ...countryMentions.filter((m) => !named.some((n) => n.actor.country === m.actor.country)),
  ].sort((a, b) => a.start - b.start);
  const resolved: ResolvedActor[] = [];
  const add = (actor: ActorEntry | undefined, mention: ActorMention | null) => {
    if (actor && !resolved.some((r) => r.actor.name === actor.name)) resolved.push({ actor, mention, hint: mention ? roleHint(facts, mention) : null });
  };
  const topTwo = ranking.slice(0, 2);
  for (const mention of mentions) {
    const special = mention.actor.special;
    if (special === "contextMilitary" || special === "contextPolice") {
      const kind = special === "contextMilitary" ? "military" : "police";
      if (countryCode && !mentions.some((m) => m.actor.country === countryCode && m.actor.type === 1 && !m.actor.special)) {
        add(stateActor(kind, countryCode), mention);
      }
    } else if (special === "contextGovernment") {
      // "le gouvernement" without a country: the government of where it happens.
      if (countryCode) add(stateActor("government", countryCode), mention);
    } else if (special === "bothMilitary" || special === "bothGovernment") {
      for (const code of topTwo) add(stateActor(special === "bothMilitary" ? "military" : "government", code), mention);
    } else if (special === "unidentified") {
      // "jihadistes" is the named group when one is given; a militia they fight is not that group.
      const named = mentions.some((m) => !m.actor.special && m.actor.type === 2);
      if (!named) add(mention.actor, mention);
    } else if (special === "civilians") {
      if (eventType === "Violence against civilians" || eventType === "Explosions/Remote violence") add(mention.actor, mention);
    } else if (special === "protesters" || special === "rioters") {
      if (eventType === "Protests" || eventType === "Riots") add(mention.actor, mention);
    } else {
      add(mention.actor, mention);
    }
  }
  if (eventType === "Violence against civilians" && !resolved.some((r) => r.actor.type === 7)) {
    add(actorByCanonicalName("Civilians"), null);
  }
  return resolved;
}

/**
 * ACLED's conventions where the text leaves an actor out: a protest has its protesters; an air or drone
 * strike in the Sahel is the state's (the armed groups' drones are named as such when used); a bomb or
 * mine with no author named is an unidentified armed group's, and so is an attack on a military post. Protests keep only the crowd and the forces
 * that intervened.
 */
function adjustActors(actors: ResolvedActor[], eventType: EventType, subEventType: SubEventType, countryCode: string | null, militaryTarget: boolean): void {
  const push = (actor: ActorEntry | undefined, hint: RoleHint, first = false) => {
    if (!actor || actors.some((a) => a.actor.name === actor.name)) return;
    if (first) actors.unshift({ actor, mention: null, hint });
    else actors.push({ actor, mention: null, hint });
  };
  if (eventType === "Protests" || eventType === "Riots") {
    const intervention = subEventType === "Protest with intervention" || subEventType === "Excessive force against protesters" || eventType === "Riots";
    for (let i = actors.length - 1; i >= 0; i--) {
      const a = actors[i]!.actor;
      const crowd = a.special === "protesters" || a.special === "rioters";
      const forces = a.type === 1 && !a.name.startsWith("Government");
      if (!crowd && !(intervention && forces)) actors.splice(i, 1);
    }
    push(actorByCanonicalName(eventType === "Riots" ? "Rioters" : "Protesters"), "agent", true);
    if (subEventType === "Excessive force against protesters") {
      actors.sort((a, b) => Number(a.actor.type !== 1) - Number(b.actor.type !== 1));
      for (const a of actors) a.hint = a.actor.type === 1 ? "agent" : "patient";
    } else {
      for (const a of actors) a.hint = a.actor.special === "protesters" || a.actor.special === "rioters" ? "agent" : "patient";
    }
    return;
  }
  if (subEventType === "Armed clash" && militaryTarget && countryCode) {
    // "une attaque a visé un détachement militaire": an unnamed group attacked. The army is left to be
    // named by the text (the Sandaré acceptance case codes only the attackers).
    if (!actors.some((a) => [2, 3, 4].includes(a.actor.type) && !stateSide(a.actor))) push(actorByCanonicalName("Unidentified Armed Group"), "agent", true);
  }
  if (subEventType === "Air/drone strike" && countryCode && !actors.some((a) => a.actor.type === 1 && a.hint !== "patient")) {
    push(stateActor("military", countryCode), "agent", true);
  }
  if (subEventType === "Remote explosive/landmine/IED" && !actors.some((a) => [2, 3].includes(a.actor.type))) {
    push(actorByCanonicalName("Unidentified Armed Group"), "agent", true);
    for (const a of actors) if (a.actor.type === 1 && a.hint === null) a.hint = "patient";
  }
}

/** actor1 acts, actor2 undergoes, the rest are associated; by mention order where the text says nothing. */
function assignRoles(actors: ResolvedActor[], eventType: EventType): IncidentActorOut[] {
  const pool =
    eventType === "Violence against civilians"
      ? [...actors.filter((a) => a.actor.type !== 7), ...actors.filter((a) => a.actor.type === 7)]
      : actors;
  const victims = eventType === "Violence against civilians";
  const isPatient = (a: ResolvedActor) => a.hint === "patient" || (victims && a.actor.type === 7);
  const first = pool.find((a) => a.hint === "agent" && !isPatient(a)) ?? pool.find((a) => a.hint === null && !isPatient(a)) ?? pool[0];
  const rest = pool.filter((a) => a !== first);
  // The opponent: named as undergoing the event, else the first actor of another side (not an ally).
  const second =
    rest.find((a) => isPatient(a)) ??
    rest.find((a) => a.hint === null && !(first && sameSide(first.actor, a.actor))) ??
    rest.find((a) => a.hint !== "agent");
  const out: IncidentActorOut[] = [];
  if (first) out.push({ name: first.actor.name, role: "actor1", type: first.actor.type });
  if (second) out.push({ name: second.actor.name, role: "actor2", type: second.actor.type });
  for (const a of pool) if (a !== first && a !== second) out.push({ name: a.actor.name, role: "associated", type: a.actor.type });
  return out;
}

/** State forces and their auxiliaries or foreign partners fight on one side. */
function sameSide(a: ActorEntry, b: ActorEntry): boolean {
  return stateSide(a) && stateSide(b);
}

/** State forces, their auxiliaries (VDP) and foreign partners. */
function stateSide(x: ActorEntry): boolean {
  return x.type === 1 || x.type === 8 || x.name.startsWith("VDP");
}

const TARGETED_MILITARY =
  /\b(?:(?:poste|camp|detachement|convoi|patrouille|base|position|garnison|caserne|brigade|checkpoint|positions)(?: militaires?| de l'armee| de la gendarmerie)?[^.;:]{0,40}?\b(?:a ete|ont ete|was|were|has been|have been)\s+(?:la cible|vise|visee|visees|vises|attaque|attaquee|attaques|attaquees|pris pour cible|prise pour cible|prise? dans une embuscade|tombee? dans une embuscade|attacked|targeted|ambushed|overrun)|(?:attaque|attaques|assaut|attack|attacks|assault|raid) (?:contre|on|against) (?:un|une|le|la|l'|les|des|a|an|the) ?(?:poste|camp|detachement|convoi|patrouille|base|position|garnison|caserne|military|army|outpost|convoy|patrol|checkpoint|barracks))/;

/** The event's first sentence says a military post, camp or convoy was the target. */
function militaryTargeted(facts: ArticleFacts, candidate: Candidate): boolean {
  return TARGETED_MILITARY.test(facts.folded.slice(candidate.sentence.start, candidate.sentence.end));
}

function evidenceOf(field: string, sentence: Sentence): Evidence {
  return { field, text: sentence.text, start: sentence.start, end: sentence.end };
}

function sentenceAt(facts: ArticleFacts, offset: number): Sentence | undefined {
  return facts.sentences[spanIndexAt(facts.sentences, offset)];
}

/** The clauses that tell the event, or the whole sentence when they are too short to read alone. */
function summaryOf(candidate: Candidate, text: string): string {
  const first = candidate.ownClauses[0]!;
  const last = candidate.ownClauses[candidate.ownClauses.length - 1]!;
  let flat = text.slice(first.start, last.end).replace(/\s+/g, " ").replace(/^[\s,;:(–-]+/, "").trim();
  if (flat.length < 80) flat = candidate.sentence.text.replace(/\s+/g, " ").trim();
  flat = flat.charAt(0).toUpperCase() + flat.slice(1);
  return flat.length > 400 ? `${flat.slice(0, 397)}...` : flat;
}

const STORY_RELATIVE: [RegExp, number][] = [
  [/\b(le meme jour|ce meme jour|the same day|that same day|on the same day)\b/, 0],
  [/\b(la veille|the day before|the previous day|a day earlier)\b/, -1],
  [/\b(le lendemain|the next day|the following day|a day later)\b/, 1],
  [/\b(deux jours plus tard|two days later)\b/, 2],
  [/\b(deux jours plus tot|two days earlier)\b/, -2],
  [/\b(trois jours plus tard|three days later)\b/, 3],
];

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The story's "now" for a sentence without a date: "le même jour", "la veille", "two days later" count
 * from the last day told before it; otherwise the last day told earlier in the same paragraph.
 */
function contextDate(facts: ArticleFacts, candidate: Candidate): { date: string; precision: DatePrecision; source: DateMention } | undefined {
  const sentenceFolded = facts.folded.slice(candidate.sentence.start, candidate.sentence.end);
  const earlierDays = facts.dates.filter((d) => d.end <= candidate.sentence.start && d.precision === "day" && d.start >= (facts.sentences[0]?.start ?? 0));
  const last = earlierDays[earlierDays.length - 1];
  for (const [pattern, shift] of STORY_RELATIVE) {
    if (pattern.test(sentenceFolded) && last) return { date: shiftDay(last.date, shift), precision: "day", source: last };
  }
  const sameParagraph = earlierDays.filter((d) => sentenceAt(facts, d.start)?.paragraph === candidate.sentence.paragraph);
  // Else the day the lead paragraph gives: wire copy dates the lead and not each follow-up ("À Kayes, des
  // assaillants ont attaqué..."). A day told further down is no such frame, and "par ailleurs", "separately"
  // and strategic developments start stories of their own.
  const separate = candidate.family === "strategic" || /\b(par ailleurs|d'autre part|separately|in a separate|elsewhere|ailleurs)\b/.test(sentenceFolded);
  const leadParagraph = facts.sentences[0]?.paragraph;
  const leadDays = earlierDays.filter((d) => sentenceAt(facts, d.start)?.paragraph === leadParagraph);
  const inherited = sameParagraph[sameParagraph.length - 1] ?? (separate ? undefined : leadDays[leadDays.length - 1]);
  return inherited ? { date: inherited.date, precision: inherited.precision, source: inherited } : undefined;
}

function finalize(draft: Draft, facts: ArticleFacts, anaphoras: TriggerMatch[]): ExtractedIncident | null {
  const primary = draft.candidates[0]!;
  const foldedAll = [...draft.candidates.map((c) => c.sentence), ...draft.followers.map((f) => f.sentence)]
    .map((s) => facts.folded.slice(s.start, s.end))
    .join(" ");
  const allActors = [...draft.candidates.flatMap((c) => c.actors), ...draft.followers.flatMap((f) => f.actors)];
  const triggers = draft.candidates.flatMap((c) => c.triggers);

  // Place: the most specific stated, else an unlisted village, else the article's main country.
  const placed = draft.candidates
    .map((c) => ({ c, p: bestPlace(c) }))
    .filter((x): x is { c: Candidate; p: PlaceMention } => x.p !== undefined)
    .sort((a, b) => KIND_RANK[a.p.place.kind] - KIND_RANK[b.p.place.kind])[0];
  let unknown = draft.candidates.find((c) => c.unknownPlace)?.unknownPlace ?? null;
  let setupPlace: PlaceMention | undefined;
  if (!placed?.p || placed.p.place.kind === "country") {
    // "Mercredi, les FAMa ont intercepté des suspects à Bandiagara. Deux ont été interpellés": the sentence
    // before, with no event of its own in the same paragraph, sets the scene.
    const index = facts.sentences.indexOf(primary.sentence);
    const before = facts.sentences[index - 1];
    if (before && before.paragraph === primary.sentence.paragraph && !facts.triggers.some((t) => t.start >= before.start && t.end <= before.end)) {
      setupPlace = within(facts.places, before.start, before.end).find((p) => p.place.kind !== "country");
      if (!setupPlace && !unknown) unknown = findUnknownPlace(facts.text, before.start, before.end, facts.places);
    }
  }
  const fallbackCountry = facts.countryRanking[0] ?? null;
  const placeMention = setupPlace ?? placed?.p;
  const placeSentence = setupPlace ? sentenceAt(facts, setupPlace.start) : placed?.c.sentence;
  const place = placeMention?.place;
  const countryCode = place?.countryCode ?? fallbackCountry;
  const country = countryCode ? countryByCode(countryCode) : undefined;

  const civilianVictims = allActors.some((a) => a.actor.special === "civilians");
  const stateForces =
    allActors.some((a) => a.actor.type === 1 && a.actor.special !== "bothGovernment" && !a.actor.name.startsWith("Government")) ||
    draft.candidates.some((c) => c.ownClauses.some((cl) => hasMilitaryTarget(facts.folded.slice(cl.start, cl.end))));
  // Soldiers who kill civilians ("tués par des soldats maliens") make violence against civilians, not a battle.
  const stateMentions = allActors.filter((a) => a.actor.type === 1 || a.actor.special === "contextMilitary" || a.actor.special === "contextPolice");
  const stateOnlyPerpetrators = civilianVictims && stateMentions.length > 0 && stateMentions.every((a) => roleHint(facts, a) === "agent");
  const decision = decideEventType(triggers, {
    civilianVictims,
    stateForces: stateForces && !stateOnlyPerpetrators,
    armedGroup: allActors.some((a) => [2, 3, 4].includes(a.actor.type)),
    crowd: allActors.some((a) => a.actor.special === "protesters" || a.actor.special === "rioters"),
    folded: foldedAll,
  });
  // An event with no place at all, not even a country, cannot be coded.
  if (!decision || !country) return null;

  let geoPrecision: 1 | 2 | 3 = 3;
  let location: string | null = null;
  let latitude: number | null = country?.latitude ?? null;
  let longitude: number | null = country?.longitude ?? null;
  let admin1: string | null = null;
  let admin2: string | null = null;
  if (place) {
    admin1 = place.admin1;
    admin2 = place.kind === "admin2" || place.kind === "locality" ? place.admin2 : null;
    latitude = place.latitude;
    longitude = place.longitude;
    if (place.kind === "locality") {
      location = place.name;
      // "à une quinzaine de kilomètres de la ville": near the town named, not in it.
      const offTown = /\b(?:km|kilometres?|kilometers?|miles) (?:de la ville|de la localite|du village|de la commune|from the town|from the city|outside the town|of the town)\b/.test(
        facts.folded.slice(placeSentence?.start ?? 0, placeSentence?.end ?? 0),
      );
      geoPrecision = placeMention?.near || offTown ? 2 : 1;
    } else if (place.kind === "admin2") {
      location = place.name;
      geoPrecision = 2;
    } else if (place.kind === "admin1") {
      location = place.admin1Reform ?? place.name;
      geoPrecision = 3;
    }
  }
  if (unknown && (!place || place.kind !== "locality")) {
    // A village the gazetteer lacks: its name, placed at the best known point near it.
    location = unknown.name;
    geoPrecision = 2;
  }

  const evidence: Evidence[] = [];
  const pushEvidence = (field: string, sentence: Sentence | undefined) => {
    if (sentence && !evidence.some((e) => e.field === field && e.start === sentence.start)) evidence.push(evidenceOf(field, sentence));
  };
  for (const c of draft.candidates) pushEvidence("eventType", c.sentence);
  for (const a of anaphoras) pushEvidence("eventType", sentenceAt(facts, a.start));

  // Date: stated for this event, else the paragraph's current day, else the week of publication.
  const dated = draft.candidates.map((c) => ({ c, d: bestDate(c) })).find((x) => x.d && x.c.ownDate) ??
    draft.candidates.map((c) => ({ c, d: bestDate(c) })).find((x) => x.d);
  let eventDate: string | null = null;
  let endDate: string | null = null;
  let datePrecision: DatePrecision = "week";
  if (dated?.d) {
    eventDate = dated.d.date;
    endDate = dated.d.endDate;
    datePrecision = dated.d.precision;
    pushEvidence("eventDate", sentenceAt(facts, dated.d.start));
  } else if (draft.candidates.some((c) => c.reportedDate)) {
    const reported = draft.candidates.find((c) => c.reportedDate)!.reportedDate!;
    eventDate = reported.date;
    datePrecision = reported.precision;
    pushEvidence("eventDate", sentenceAt(facts, reported.start));
  } else {
    const inherited = contextDate(facts, primary);
    if (inherited) {
      eventDate = inherited.date;
      datePrecision = inherited.precision;
      pushEvidence("eventDate", primary.sentence);
      pushEvidence("eventDate", sentenceAt(facts, inherited.source.start));
    } else if (facts.publishedAt) {
      eventDate = facts.publishedAt;
      datePrecision = "week";
    }
  }

  if (placeSentence) pushEvidence(location ? "location" : "country", placeSentence);
  else if (unknown) pushEvidence("location", sentenceAt(facts, unknown.start));

  const actors = resolveActors(draft, facts, countryCode, facts.countryRanking, decision.eventType);
  if (decision.eventType !== "Strategic developments" && decision.eventType !== "Protests") {
    // A president or ministry announcing a battle is its narrator, not a party: drop governments when others act.
    const parties = actors.filter((a) => !(a.actor.type === 1 && a.actor.name.startsWith("Government of")));
    if (parties.length > 0) actors.splice(0, actors.length, ...parties);
  }
  if (decision.eventType === "Battles" && militaryTargeted(facts, primary)) {
    // "Un détachement militaire a été la cible d'une attaque": the army undergoes, whoever fought back after.
    for (const a of actors) {
      if (stateSide(a.actor)) a.hint = "patient";
      else if ([2, 3, 4].includes(a.actor.type) && a.hint !== "agent") a.hint = "agent";
    }
  }
  const targeted = draft.candidates.some((c) => c.ownClauses.some((cl) => hasMilitaryTarget(facts.folded.slice(cl.start, cl.end))));
  adjustActors(actors, decision.eventType, decision.subEventType, countryCode, targeted);
  for (const a of actors) if (a.mention) pushEvidence("actors", sentenceAt(facts, a.mention.start));

  const tolls = [...draft.candidates, ...draft.followers]
    .filter((c) => c.fatalities !== null)
    .map((c) => ({ count: c.fatalities!, claim: CLAIM.test(facts.folded.slice(c.sentence.start, c.sentence.end)), mentions: c.fatalityMentions }));
  // Sources disagreeing on a toll: the highest independent figure; a claim by the attackers only when alone.
  const independent = tolls.filter((t) => !t.claim);
  const used = independent.length > 0 ? independent : tolls;
  const fatalities = used.length > 0 ? Math.max(...used.map((t) => t.count)) : null;
  for (const t of used) for (const f of t.mentions) pushEvidence("fatalities", sentenceAt(facts, f.start));
  for (const f of draft.followers) if (f.actors.length > 0 || f.fatalities !== null) pushEvidence("eventType", f.sentence);

  const roles = assignRoles(actors, decision.eventType);
  // Taking a town is the state regaining it or a group overtaking it, by who took it, not by the verb.
  let subEventType = decision.subEventType;
  const actor1 = roles.find((r) => r.role === "actor1");
  if (subEventType === "Non-state actor overtakes territory" && actor1?.type === 1) subEventType = "Government regains territory";
  else if (subEventType === "Government regains territory" && actor1 && [2, 3, 4].includes(actor1.type)) subEventType = "Non-state actor overtakes territory";

  return {
    eventDate,
    endDate,
    datePrecision,
    eventType: decision.eventType,
    subEventType,
    summary: summaryOf(primary, facts.text),
    country: country.name,
    admin1,
    admin1Reform: place?.admin1Reform ?? null,
    admin2,
    location,
    latitude,
    longitude,
    geoPrecision,
    actors: roles,
    fatalities,
    evidence,
  };
}

/**
 * "Plusieurs positions ont été visées mardi par des attaques" followed by the attack on each position: the
 * country-level summary is not an event of its own. Its named attackers go to the placed events that only
 * knew "des assaillants".
 */
function dropOverviews(incidents: ExtractedIncident[]): ExtractedIncident[] {
  return incidents.filter((overview) => {
    if (overview.location !== null || overview.admin1 !== null || overview.eventType === "Strategic developments") return true;
    const detailed = incidents.filter(
      (i) => i !== overview && i.location !== null && i.eventType === overview.eventType && i.eventDate === overview.eventDate && i.country === overview.country,
    );
    if (detailed.length === 0) return true;
    if (detailed.length === 1) {
      // Only one placed event: the summary is more about it; its other actors join as associated.
      const only = detailed[0]!;
      for (const a of overview.actors) {
        if (a.type === 7 && only.eventType !== "Violence against civilians") continue;
        if (!only.actors.some((x) => x.name === a.name) && !(a.name === "Unidentified Armed Group" && only.actors.some((x) => x.type === 2))) {
          only.actors.push({ ...a, role: only.actors.length === 0 ? "actor1" : only.actors.length === 1 ? "actor2" : "associated" });
        }
      }
    }
    const named = overview.actors.filter((a) => a.type === 2);
    for (const i of detailed) {
      if (named.length === 0 || i.actors.some((a) => a.type === 2)) continue;
      const unidentified = i.actors.findIndex((a) => a.name === "Unidentified Armed Group");
      if (unidentified >= 0) i.actors[unidentified] = { ...named[0]!, role: i.actors[unidentified]!.role };
      else i.actors.push({ ...named[0]!, role: i.actors.length === 0 ? "actor1" : i.actors.length === 1 ? "actor2" : "associated" });
      i.evidence.push(...overview.evidence.filter((e) => e.field === "actors" && !i.evidence.some((x) => x.field === e.field && x.start === e.start)));
    }
    return false;
  });
}

/** Incidents of an article, in the order the article first reports them. */
export function assembleIncidents(text: string, options: AssembleOptions): ExtractedIncident[] {
  const facts = collectFacts(text, options);
  const drafts: Draft[] = [];
  const anaphorasByDraft = new Map<Draft, TriggerMatch[]>();
  let latest: { draft: Draft; sentence: Sentence; index: number } | null = null;
  facts.sentences.forEach((sentence, index) => {
    const anaphoras: TriggerMatch[] = [];
    const candidates = sentenceCandidates(facts, sentence, index, anaphoras);
    for (const candidate of candidates) {
      const target = [...drafts].reverse().find((d) => sameEvent(candidate, d));
      if (target) target.candidates.push(candidate);
      else drafts.push({ family: candidate.family, candidates: [candidate], followers: [] });
      latest = { draft: target ?? drafts[drafts.length - 1]!, sentence, index };
    }
    // "Cette visite", "this attack": more evidence for the latest event of that kind, never a new one.
    let referred: Draft | undefined;
    for (const a of anaphoras) {
      const draft = [...drafts].reverse().find((d) => d.candidates.some((c) => c.triggers.some((t) => t.rule.id === a.rule.id)));
      if (draft) {
        anaphorasByDraft.set(draft, [...(anaphorasByDraft.get(draft) ?? []), a]);
        referred ??= draft;
      }
    }
    if (candidates.length > 0) return;
    // "Le bilan fait état de cinq morts", "Deux militaires ont été blessés": facts for the event just told.
    const previous = latest as { draft: Draft; sentence: Sentence; index: number } | null;
    const follows = previous && previous.sentence.paragraph === sentence.paragraph && index - previous.index <= 2 ? previous.draft : undefined;
    const owner = referred ?? follows;
    if (!owner) return;
    const folded = facts.folded.slice(sentence.start, sentence.end);
    const fatalityMentions = within(facts.fatalities, sentence.start, sentence.end);
    const sentenceActors = within(facts.actors, sentence.start, sentence.end);
    // "It blamed terrorists from the Islamic State Sahel", "Les assaillants, se réclamant du JNIM, ...".
    const attribution = ATTRIBUTION.test(folded) || (index - (previous?.index ?? -9) <= 1 && sentenceActors.some((a) => a.actor.type === 2));
    if (!referred && fatalityMentions.length === 0 && !CASUALTY.test(folded) && !attribution) return;
    // "did not immediately claim the attack", "aucun groupe n'a revendiqué": nobody is named as the author.
    const negated = /\b(not|n'a pas|n'ont pas|pas encore|aucun groupe|no group|yet to)\b/.test(folded);
    owner.followers.push({
      sentence,
      actors: negated ? [] : sentenceActors,
      fatalities: sentenceFatalities(fatalityMentions, folded),
      fatalityMentions,
    });
  });
  let incidents: ExtractedIncident[] = [];
  for (const draft of drafts) {
    // A troop movement with neither a date nor a place of its own is commentary, not a development.
    const onlyDeployment = draft.candidates.every((c) => c.triggers.every((t) => t.rule.id === "deployment"));
    if (onlyDeployment && !draft.candidates.some((c) => c.ownDate || strongPlace(c))) continue;
    const incident = finalize(draft, facts, anaphorasByDraft.get(draft) ?? []);
    if (incident) incidents.push(incident);
  }
  return dropOverviews(incidents);
}

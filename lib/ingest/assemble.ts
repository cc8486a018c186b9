/**
 * Groups what the other steps found into incidents. The unit is the clause: triggers of the same family
 * within a sentence make one candidate; clauses without a trigger lend their dates, places and actors to
 * the nearest candidate; generic mentions ("la recrudescence des attaques") and references back ("cette
 * visite") never make incidents of their own. Candidates then merge across sentences when they describe
 * the same event (same development, no conflicting date or place), so one article yields one incident
 * per event, each field backed by the sentence it came from.
 */
import { findActors, stateActor, actorByCanonicalName, type ActorEntry, type ActorMention } from "./actors";
import { findDates, type DateMention, type DatePrecision } from "./dates";
import {
  decideEventType,
  findTriggers,
  hasMilitaryTarget,
  isGenericContext,
  type TriggerKind,
  type TriggerMatch,
} from "./event-type";
import { findFatalities, sentenceFatalities, type FatalityMention } from "./fatalities";
import { countCountryMentions, countryByCode, findPlaces, lookupPlace, type PlaceEntry, type PlaceMention } from "./gazetteer";
import type { Language } from "./language";
import { foldKeepLength, tokenize } from "./normalize";
import { splitSentences, type Sentence } from "./sentences";
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
  actors: ActorMention[];
  /** Countries named as the subject of a development ("le retrait du Mali"), not as its place. */
  countryActors: PlaceMention[];
  fatalities: number | null;
  fatalityMentions: FatalityMention[];
  unknownPlace: { name: string; start: number; end: number } | null;
}

interface Draft {
  family: Family;
  candidates: Candidate[];
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

function within<T extends { start: number; end: number }>(items: T[], start: number, end: number): T[] {
  return items.filter((x) => x.start >= start && x.end <= end);
}

function overlapsAny(x: { start: number; end: number }, spans: { start: number; end: number }[]): boolean {
  return spans.some((s) => x.start < s.end && s.start < x.end);
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
  const i = clauses.findIndex((c) => offset >= c.start && offset < c.end);
  return i >= 0 ? i : clauses.length - 1;
}

const LOCATIVE_BEFORE = /\b(a|au|aux|en|in|at|dans|vers|pres du|proche du|proche de la|into|inside|across|near|ouest du|est du|nord du|sud du|centre du|l'ouest du|l'est du|le nord du|le sud du|le centre du|frontiere avec|border with|region of|regions? du|territoire)\s*$/;
const UNKNOWN_PLACE = /\b(?:village|localite|hameau|commune rurale|commune|bourgade|ville|hamlet|town|village of|locality of)\s+(?:de |d'|of )?((?:\p{Lu}[\p{L}'’-]+)(?:[ -](?:\p{Lu}[\p{L}'’-]+))?)/gu;

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
  const fatalities = findFatalities(text, folded);
  const triggers = findTriggers(folded).filter((t) => !overlapsAny(t, actors) && !overlapsAny(t, places));
  const bodyTokens = tokens.filter((t) => t.start >= bodyStart);
  const counts = countCountryMentions(text, findPlaces(text, folded, bodyTokens), folded, bodyTokens);
  const countryRanking = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  return { text, folded, sentences, places, actors, dates, fatalities, triggers, countryRanking, publishedAt };
}

/** Splits a sentence's triggers into candidate events, lending trigger-less clauses to the nearest one. */
function sentenceCandidates(facts: ArticleFacts, sentence: Sentence, sentenceIndex: number, anaphoras: TriggerMatch[]): Candidate[] {
  const { folded, text } = facts;
  const clauses = splitClauses(sentence, folded);
  const triggers = within(facts.triggers, sentence.start, sentence.end);
  if (triggers.length === 0) return [];
  const dates = within(facts.dates, sentence.start, sentence.end);
  const fatalities = within(facts.fatalities, sentence.start, sentence.end);

  const live: TriggerMatch[] = [];
  for (const t of triggers) {
    if (t.anaphoric) anaphoras.push(t);
    else live.push(t);
  }
  // One group per family; strategic developments with different dates of their own stay apart.
  const groups: { family: Family; triggers: TriggerMatch[]; clauses: Set<number> }[] = [];
  const isGenericTrigger = (t: TriggerMatch) => {
    const clause = clauseIndexOf(clauses, t.start);
    const dated = dates.some((d) => clauseIndexOf(clauses, d.start) === clause) || fatalities.some((f) => clauseIndexOf(clauses, f.start) === clause);
    return isGenericContext(folded.slice(sentence.start, t.start)) || (t.plural && !dated);
  };
  const violentClauses = new Set(
    live.filter((t) => familyOf(t.rule.kind) !== "strategic" && !isGenericTrigger(t)).map((t) => clauseIndexOf(clauses, t.start)),
  );
  for (const t of live) {
    // Vehicles burnt, a patrol ambushed, suspects arrested in the course of an attack belong to the attack.
    const joinsViolence = familyOf(t.rule.kind) === "strategic" && violentClauses.has(clauseIndexOf(clauses, t.start));
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
    const ownDates = inClauseIndex(dates, g.clauses);
    const ownFatalities = inClauseIndex(fatalities, g.clauses);
    const generic = g.triggers.every(
      (t) => isGenericContext(folded.slice(sentence.start, t.start)) || (t.plural && ownDates.length === 0 && ownFatalities.length === 0),
    );
    return generic && !(g.family === "strategic" && ownDates.length > 0);
  };
  for (let gi = groups.length - 1; gi >= 0; gi--) if (isGenericGroup(groups[gi]!)) groups.splice(gi, 1);

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
    const ownDates = inClauses(dates, own);
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
    const placeList = strongOwn.length > 0 ? ownPlaces : [...ownPlaces, ...lentPlaces];
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
    !candidate.ownDate &&
    !strongPlace(candidate) &&
    candidate.sentenceIndex - last.sentenceIndex <= 1;
  if (followUp) return true;
  const sameFamily = candidate.family === draft.family || (candidate.family !== "strategic" && draft.family !== "strategic");
  if (!sameFamily || frameOf(candidate) !== frameOf(draft.candidates[0]!)) return false;
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

interface ResolvedActor {
  actor: ActorEntry;
  mention: ActorMention | null;
}

function resolveActors(draft: Draft, countryCode: string | null, ranking: string[], eventType: EventType): ResolvedActor[] {
  const countryMentions: ActorMention[] =
    eventType === "Strategic developments"
      ? draft.candidates.flatMap((c) =>
          c.countryActors.flatMap((p) => {
            const government = stateActor("government", p.place.countryCode);
            return government ? [{ actor: government, start: p.start, end: p.end }] : [];
          }),
        )
      : [];
  const named = draft.candidates.flatMap((c) => c.actors);
  const mentions = [
    ...named,
    // A country named as the subject of a development stands for its government, unless its own forces are named.
    ...countryMentions.filter((m) => !named.some((n) => n.actor.country === m.actor.country)),
  ].sort((a, b) => a.start - b.start);
  const resolved: ResolvedActor[] = [];
  const add = (actor: ActorEntry | undefined, mention: ActorMention | null) => {
    if (actor && !resolved.some((r) => r.actor.name === actor.name)) resolved.push({ actor, mention });
  };
  const topTwo = ranking.slice(0, 2);
  for (const mention of mentions) {
    const special = mention.actor.special;
    if (special === "contextMilitary" || special === "contextPolice") {
      const kind = special === "contextMilitary" ? "military" : "police";
      if (countryCode && !mentions.some((m) => m.actor.country === countryCode && m.actor.type === 1 && !m.actor.special)) {
        add(stateActor(kind, countryCode), mention);
      }
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

function assignRoles(actors: ResolvedActor[], eventType: EventType): IncidentActorOut[] {
  const ordered =
    eventType === "Violence against civilians"
      ? [...actors.filter((a) => a.actor.type !== 7), ...actors.filter((a) => a.actor.type === 7)]
      : actors;
  return ordered.map((a, i) => ({
    name: a.actor.name,
    role: i === 0 ? "actor1" : i === 1 ? "actor2" : "associated",
    type: a.actor.type,
  }));
}

function evidenceOf(field: string, sentence: Sentence): Evidence {
  return { field, text: sentence.text, start: sentence.start, end: sentence.end };
}

function sentenceAt(facts: ArticleFacts, offset: number): Sentence | undefined {
  return facts.sentences.find((s) => offset >= s.start && offset < s.end);
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
  const inherited = sameParagraph[sameParagraph.length - 1];
  return inherited ? { date: inherited.date, precision: inherited.precision, source: inherited } : undefined;
}

function finalize(draft: Draft, facts: ArticleFacts, anaphoras: TriggerMatch[]): ExtractedIncident | null {
  const primary = draft.candidates[0]!;
  const foldedAll = draft.candidates.map((c) => facts.folded.slice(c.sentence.start, c.sentence.end)).join(" ");
  const allActors = draft.candidates.flatMap((c) => c.actors);
  const triggers = draft.candidates.flatMap((c) => c.triggers);

  // Place: the most specific stated, else an unlisted village, else the article's main country.
  const placed = draft.candidates
    .map((c) => ({ c, p: bestPlace(c) }))
    .filter((x): x is { c: Candidate; p: PlaceMention } => x.p !== undefined)
    .sort((a, b) => KIND_RANK[a.p.place.kind] - KIND_RANK[b.p.place.kind])[0];
  const unknown = draft.candidates.find((c) => c.unknownPlace)?.unknownPlace ?? null;
  const fallbackCountry = facts.countryRanking[0] ?? null;
  const place = placed?.p.place;
  const countryCode = place?.countryCode ?? fallbackCountry;
  const country = countryCode ? countryByCode(countryCode) : undefined;

  const civilianVictims = allActors.some((a) => a.actor.special === "civilians");
  const stateForces =
    allActors.some((a) => a.actor.type === 1 && a.actor.special !== "bothGovernment" && !a.actor.name.startsWith("Government")) ||
    draft.candidates.some((c) => c.ownClauses.some((cl) => hasMilitaryTarget(facts.folded.slice(cl.start, cl.end))));
  const decision = decideEventType(triggers, {
    civilianVictims,
    stateForces,
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
      geoPrecision = placed!.p.near ? 2 : 1;
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

  if (placed) pushEvidence(location ? "location" : "country", placed.c.sentence);
  else if (unknown) pushEvidence("location", sentenceAt(facts, unknown.start));

  const actors = resolveActors(draft, countryCode, facts.countryRanking, decision.eventType);
  for (const a of actors) if (a.mention) pushEvidence("actors", sentenceAt(facts, a.mention.start));

  const counts = draft.candidates.map((c) => c.fatalities).filter((n): n is number => n !== null);
  const fatalities = counts.length > 0 ? Math.max(...counts) : null;
  for (const c of draft.candidates) {
    for (const f of c.fatalityMentions) pushEvidence("fatalities", sentenceAt(facts, f.start));
  }

  return {
    eventDate,
    endDate,
    datePrecision,
    eventType: decision.eventType,
    subEventType: decision.subEventType,
    summary: summaryOf(primary, facts.text),
    country: country.name,
    admin1,
    admin1Reform: place?.admin1Reform ?? null,
    admin2,
    location,
    latitude,
    longitude,
    geoPrecision,
    actors: assignRoles(actors, decision.eventType),
    fatalities,
    evidence,
  };
}

/** Incidents of an article, in the order the article first reports them. */
export function assembleIncidents(text: string, options: AssembleOptions): ExtractedIncident[] {
  const facts = collectFacts(text, options);
  const drafts: Draft[] = [];
  const anaphorasByDraft = new Map<Draft, TriggerMatch[]>();
  facts.sentences.forEach((sentence, index) => {
    const anaphoras: TriggerMatch[] = [];
    for (const candidate of sentenceCandidates(facts, sentence, index, anaphoras)) {
      const target = [...drafts].reverse().find((d) => sameEvent(candidate, d));
      if (target) target.candidates.push(candidate);
      else drafts.push({ family: candidate.family, candidates: [candidate] });
    }
    // "Cette visite", "this attack": more evidence for the latest event of that kind, never a new one.
    for (const a of anaphoras) {
      const draft = [...drafts].reverse().find((d) => d.candidates.some((c) => c.triggers.some((t) => t.rule.id === a.rule.id)));
      if (draft) anaphorasByDraft.set(draft, [...(anaphorasByDraft.get(draft) ?? []), a]);
    }
  });
  const incidents: ExtractedIncident[] = [];
  for (const draft of drafts) {
    const incident = finalize(draft, facts, anaphorasByDraft.get(draft) ?? []);
    if (incident) incidents.push(incident);
  }
  return incidents;
}

/**
 * Step 5, finalising: one draft becomes one coded incident (type, place, date, actors, toll, evidence);
 * country-level overviews of events told in detail are then dropped.
 */
import type { DatePrecision } from "../dates";
import { decideEventType, hasMilitaryTarget, type TriggerMatch } from "../event-type";
import { countryByCode, type PlaceMention } from "../gazetteer";
import type { Sentence } from "../sentences";
import type { SubEventType } from "../../incidents/taxonomy";
import { type Evidence, type ExtractedIncident, type IncidentActorOut, type Candidate, type Draft, type ArticleFacts, type NamedPlace, within, evidenceOf, sentenceAt } from "./types";
import { KIND_RANK, bestPlace, bestDate } from "./candidates";
import { findUnknownPlace, listedSpots, placementOf, type Spot } from "./place";
import { roleHint, resolveActors, adjustActors, assignRoles, stateSide, militaryTargeted } from "./roles";
import { contextDate } from "./event-date";
import { incidentToll } from "./toll";
import { tollAtPlace } from "../fatalities";
import { foldKeepLength } from "../normalize";


const WOUNDED = /\b(bless(?:e|es|ee|ees|ure|ures)|wounded|injured|hurt)\b/;
const VILLAGE_TARGET =
  /\b(?:(?:attaque\w*|attack\w*|assailli|pris pour cible|prise pour cible|raided|stormed|incursion|s'en (?:sont|est) pris(?:e|es)? a)\s+(?:\S+\s+){0,2}?(?:(?:contre|on|against|sur|dans|du|de)\s+)?(?:le |un |des |les |the |a |l')?(?:village|hameau|campement|hamlet)s?\b|(?:village|hameau|campement|hamlet)s?\b[^.;]{0,60}?\b(?:ont ete|a ete|were|was) (?:attaque|attacked|pris pour cible|prise? pour cible|targeted))/;
// What puts a known place as the scene of the event: "à Boni", "le village de Boni", "in Boni". "La commune
// de Boni" is an area: a village the sentence names in it is the more precise scene.
const LOCATED_AT = /\b(?:a|au|dans|pres d[eu']?|near|in|at|outside)\s+(?:la |le |l'|the )?(?:village |localite |town |ville )?(?:d[eu'] |of )?$/;
const MOVEMENT = /\b(?:will|va|vont|ira|iront|se rendra|se rendront|travel\w*|visit\w*|visite\w*|se rend\w*|arriv\w*|head\w* to|went to|gone to)\b/;
// "le maire de la ville de Bankass", "the governor of Mopti": an office names the town, not the scene.
const OFFICE_BEFORE = /\b(?:maires?|mayors?|prefets?|prefects?|sous-prefets?|gouverneurs?|governors?|deputes?|elus?|chefs? de village|notables?|conseillers?|imams?|ressortissants?|originaires?|natives?)\s+(?:de la ville |de la commune |du village |de la localite |of the town |of the village |of )?(?:de |d'|du |of )?(?:la ville de |la commune de |the town of )?$/;
const SCENE_BEFORE = /(?:\b(?:a|au|en|dans|sur|in|at|on|near|pres d[eu']?|villages? d[eu']?|localites? d[eu']?|ville d[eu']?|town of|village of|hameau d[eu']?)\s*|\bd')$/;
const DEATH_WORD = /\b(morts?|tues?|tuees?|deces|decede\w*|victimes?|perdu la vie|trouve la mort|peri|killed|dead|died|deaths?|lives|bodies|corps|neutralis\w*|abattus?|executes?|massacr\w*|bilan|toll)\b/;
const UNHURT = /\b(sans faire de (?:victimes?|blesses?)|aucun(?:e)? (?:blesse|victime)|ni mort ni blesse|no (?:one|body) (?:was )?(?:hurt|injured)|nobody was (?:hurt|injured)|no injuries|without (?:injur|casualt))/;

/** The clauses that tell the event, or the whole sentence when they are too short to read alone. */
export function summaryOf(candidate: Candidate, text: string): string {
  const first = candidate.ownClauses[0]!;
  const last = candidate.ownClauses[candidate.ownClauses.length - 1]!;
  let flat = text.slice(first.start, last.end).replace(/\s+/g, " ").replace(/^[\s,;:(–-]+/, "").trim();
  if (flat.length < 80) flat = candidate.sentence.text.replace(/\s+/g, " ").trim();
  flat = flat.charAt(0).toUpperCase() + flat.slice(1);
  return flat.length > 400 ? `${flat.slice(0, 397)}...` : flat;
}

/** The incident a draft tells, or one per locality when its sentence lists several; none when it cannot be coded. */
export function finalize(draft: Draft, facts: ArticleFacts, anaphoras: TriggerMatch[]): ExtractedIncident[] {
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
  let setupPlace: PlaceMention | undefined;
  let setupSentence: Sentence | undefined;
  if (!placed?.p || placed.p.place.kind === "country") {
    // "Mercredi, les FAMa ont intercepté des suspects à Bandiagara. Deux ont été interpellés": the sentence
    // before, with no event of its own in the same paragraph, sets the scene.
    const index = facts.sentences.indexOf(primary.sentence);
    const before = facts.sentences[index - 1];
    if (before && before.paragraph === primary.sentence.paragraph && !facts.triggers.some((t) => t.start >= before.start && t.end <= before.end)) {
      setupPlace = within(facts.places, before.start, before.end).find((p) => p.place.kind !== "country");
      if (!setupPlace) setupSentence = before;
    }
    // "Three soldiers died in an attack on Monday. The troops were part of a convoy near Ténenkou": the
    // sentence after, with no event of its own, places it where it says where something was, not where
    // someone goes ("the minister will travel to Gao").
    const after = facts.sentences[index + 1];
    if (!setupPlace && !setupSentence && after && after.paragraph === primary.sentence.paragraph && !facts.triggers.some((t) => t.start >= after.start && t.end <= after.end)) {
      const foldedAfter = facts.folded.slice(after.start, after.end);
      setupPlace = MOVEMENT.test(foldedAfter)
        ? undefined
        : within(facts.places, after.start, after.end).find((p) => p.place.kind !== "country" && !p.landmark && LOCATED_AT.test(facts.folded.slice(Math.max(after.start, p.start - 12), p.start)));
    }
  }
  const placeMention = setupPlace ?? placed?.p;
  const placeSentence = setupPlace ? sentenceAt(facts, setupPlace.start) : placed?.c.sentence;
  // An unlisted locality wins over a known area, over a town it is only near ("X, près de Djibo"), and
  // whenever a parenthesis situates it; it is looked for only then.
  let unknown: NamedPlace | null = null;
  // A known town not itself cued as the scene ("un élu de Bankass", "cercle de Koro") yields to an unlisted
  // place the sentence sets as the scene ("dans le village de Dembo", "à Dembo"), so one is looked for then.
  const sceneCued =
    !!placeMention &&
    !placeMention.landmark &&
    SCENE_BEFORE.test(facts.folded.slice(Math.max(0, placeMention.start - 30), placeMention.start)) &&
    !OFFICE_BEFORE.test(facts.folded.slice(Math.max(0, placeMention.start - 50), placeMention.start));
  if (!placeMention || placeMention.place.kind !== "locality" || placeMention.near || facts.named.length > 0 || !sceneCued) {
    for (const c of draft.candidates) {
      unknown ??= findUnknownPlace(facts, c.sentence.start, c.sentence.end, c.family === "violence");
    }
    if (!unknown && setupSentence) unknown = findUnknownPlace(facts, setupSentence.start, setupSentence.end, draft.family === "violence");
    // "C'est le village de X qui a été visé par cette attaque": a sentence referring back names the scene,
    // as does one with no event of its own told between two sentences of the event.
    const between = draft.candidates.slice(1).flatMap((c) => {
      const s = facts.sentences[c.sentenceIndex - 1];
      return s && s.paragraph === c.sentence.paragraph && !facts.triggers.some((t) => t.start >= s.start && t.end <= s.end) ? [s] : [];
    });
    for (const s of [...anaphoras.map((a) => sentenceAt(facts, a.start)), ...draft.followers.map((f) => f.sentence), ...between]) {
      if (unknown || !s) continue;
      const found = findUnknownPlace(facts, s.start, s.end, false);
      if (found?.cued) unknown = found;
    }
  }
  const unlisted =
    unknown && (!placeMention || placeMention.place.kind !== "locality" || placeMention.near || unknown.context || !sceneCued) ? unknown : null;
  const spot: Spot = unlisted ? { unknown: unlisted } : placeMention ? { mention: placeMention, entry: placeMention.place, sentence: placeSentence } : {};
  // "Des attaques simultanées contre Kayes, Nioro du Sahel et Diboli": one incident per locality.
  const listed = draft.family === "violence" ? listedSpots(facts, primary.sentence) : [];
  const spots = listed.length >= 2 ? listed : [spot];
  const fallbackCountry = facts.countryRanking[0] ?? null;
  const placements = spots.map((s) => placementOf(s, facts, fallbackCountry));
  const countryCode = placements[0]!.countryCode;
  const country = countryCode ? countryByCode(countryCode) : undefined;

  // "ont attaqué le village de X", "an attack on the village": a village with no armed defender named is
  // its people (ACLED codes violence against civilians).
  const civilianVictims =
    allActors.some((a) => a.actor.special === "civilians") ||
    draft.candidates.some((c) => VILLAGE_TARGET.test(facts.folded.slice(c.sentence.start, c.sentence.end)));
  // The VDP are armed auxiliaries: an attack on them is a battle, as on the army (ACLED).
  const stateForces =
    allActors.some((a) => (a.actor.type === 1 && a.actor.special !== "bothGovernment" && !a.actor.name.startsWith("Government")) || a.actor.name.startsWith("VDP")) ||
    draft.candidates.some((c) => c.ownClauses.some((cl) => hasMilitaryTarget(facts.folded.slice(cl.start, cl.end))));
  // Soldiers who kill civilians ("tués par des soldats maliens") make violence against civilians, not a battle.
  // Their foreign allies and auxiliaries (Wagner, Africa Corps, VDP) are on their side.
  const stateMentions = allActors.filter((a) => stateSide(a.actor) || a.actor.special === "contextMilitary" || a.actor.special === "contextPolice");
  const stateOnlyPerpetrators = civilianVictims && stateMentions.length > 0 && stateMentions.every((a) => roleHint(facts, a) === "agent");
  const decision = decideEventType(triggers, {
    civilianVictims,
    stateForces: stateForces && !stateOnlyPerpetrators,
    armedGroup: allActors.some((a) => [2, 3, 4].includes(a.actor.type)),
    crowd: allActors.some((a) => a.actor.special === "protesters" || a.actor.special === "rioters"),
    folded: foldedAll,
    // Only a robbery asks (one with nobody hurt is looting).
    casualties:
      triggers.some((t) => t.rule.id === "robbery") &&
      ([...draft.candidates, ...draft.followers].some((c) => c.fatalityMentions.some((f) => f.count > 0)) || (WOUNDED.test(foldedAll) && !UNHURT.test(foldedAll))),
  });
  // An event with no place at all, not even a country, cannot be coded.
  if (!decision || !country) return [];

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

  if (spots.length > 1) pushEvidence("location", primary.sentence);
  else if (unlisted) pushEvidence("location", sentenceAt(facts, unlisted.start));
  else if (placeSentence) pushEvidence(placements[0]!.location ? "location" : "country", placeSentence);

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

  const toll = incidentToll(
    [...draft.candidates, ...draft.followers]
      .filter((c) => c.fatalities !== null)
      .map((c) => ({ count: c.fatalities!, mentions: c.fatalityMentions, folded: facts.folded.slice(c.sentence.start, c.sentence.end), article: facts.folded })),
  );
  // Only wounded reported: nobody died (ACLED codes 0); a death told without a figure leaves it unknown.
  const fatalities = toll.count ?? (WOUNDED.test(foldedAll) && !DEATH_WORD.test(foldedAll) && !UNHURT.test(foldedAll) ? 0 : null);
  for (const t of toll.used) for (const f of t.mentions) pushEvidence("fatalities", sentenceAt(facts, f.start));
  for (const f of draft.followers) if (f.actors.length > 0 || f.fatalities !== null) pushEvidence("eventType", f.sentence);

  const roles = flyingSide(assignRoles(actors, decision.eventType), decision.subEventType);
  // Taking a town is the state regaining it or a group overtaking it, by who took it, not by the verb.
  let subEventType = decision.subEventType;
  const actor1 = roles.find((r) => r.role === "actor1");
  if (subEventType === "Non-state actor overtakes territory" && actor1?.type === 1) subEventType = "Government regains territory";
  else if (subEventType === "Government regains territory" && actor1 && [2, 3, 4].includes(actor1.type)) subEventType = "Non-state actor overtakes territory";

  // A total toll for several localities belongs to none of them; each locality gets its own copies.
  const several = placements.length > 1;
  // "12 morts, dont 3 à Kayes": a toll the text splits by place goes to each place it names.
  const draftSentences = [...draft.candidates.map((c) => c.sentence), ...draft.followers.map((f) => f.sentence)];
  const splitToll = (location: string | null): number | null => {
    if (!several || !location) return null;
    const place = foldKeepLength(location).toLowerCase();
    for (const s of draftSentences) {
      const n = tollAtPlace(facts.folded.slice(s.start, s.end), place);
      if (n !== null) return n;
    }
    return null;
  };
  const incidents: ExtractedIncident[] = [];
  for (const p of placements) {
    const c = p.countryCode ? countryByCode(p.countryCode) : undefined;
    if (!c) continue;
    // A country-level incident sits at the country's centre; an unlisted locality has no point until placed.
    const countryLevel = p.location === null && p.admin1 === null;
    incidents.push({
      eventDate,
      endDate,
      datePrecision,
      eventType: decision.eventType,
      subEventType,
      summary: summaryOf(primary, facts.text),
      country: c.name,
      admin1: p.admin1,
      admin1Reform: p.admin1Reform,
      admin2: p.admin2,
      location: p.location,
      latitude: countryLevel ? c.latitude : p.latitude,
      longitude: countryLevel ? c.longitude : p.longitude,
      geoPrecision: p.geoPrecision,
      actors: several ? roles.map((r) => ({ ...r })) : roles,
      fatalities: several ? splitToll(p.location) : fatalities,
      evidence: several ? evidence.filter((e) => e.field !== "fatalities") : evidence,
    });
  }
  return incidents;
}

/**
 * Air and drone strikes in the Sahel are mostly flown by states and their partners: when one is named beside
 * an unnamed armed group ("des frappes aériennes des FAMa ont neutralisé 6 terroristes"), it struck, the
 * group was hit.
 */
function flyingSide(roles: IncidentActorOut[], subEventType: SubEventType): IncidentActorOut[] {
  if (subEventType !== "Air/drone strike") return roles;
  const first = roles.find((r) => r.role === "actor1");
  const state = roles.find((r) => r.role !== "actor1" && (r.type === 1 || r.type === 8));
  // A named group may fly drones itself; unnamed "terroristes" beside a state's strikes are its targets.
  if (!first || !state || first.name !== "Unidentified Armed Group") return roles;
  return roles.map((r) => (r === state ? { ...r, role: "actor1" } : r === first ? { ...r, role: state.role } : r));
}

/**
 * "Plusieurs positions ont été visées mardi par des attaques" followed by the attack on each position: the
 * country-level summary is not an event of its own. Its named attackers go to the placed events that only
 * knew "des assaillants".
 */
export function dropOverviews(incidents: ExtractedIncident[]): ExtractedIncident[] {
  return incidents.filter((overview) => {
    if (overview.location !== null || overview.admin1 !== null || overview.eventType === "Strategic developments") return true;
    const detailed = incidents.filter(
      (i) => i !== overview && i.location !== null && sameKind(i, overview) && closeDates(overview, i) && i.country === overview.country,
    );
    if (detailed.length === 0) return true;
    // Named attackers first take the place of the unidentified group, then the rest join as associated.
    const named = overview.actors.filter((a) => a.type === 2);
    for (const i of detailed) {
      // An air strike told beside the attacks it answered is not the attackers' deed.
      if (named.length === 0 || i.eventType !== overview.eventType || i.actors.some((a) => a.type === 2)) continue;
      const unidentified = i.actors.findIndex((a) => a.name === "Unidentified Armed Group");
      if (unidentified >= 0) i.actors[unidentified] = { ...named[0]!, role: i.actors[unidentified]!.role };
      else i.actors.push({ ...named[0]!, role: i.actors.length === 0 ? "actor1" : i.actors.length === 1 ? "actor2" : "associated" });
      i.evidence.push(...overview.evidence.filter((e) => e.field === "actors" && !i.evidence.some((x) => x.field === e.field && x.start === e.start)));
    }
    if (detailed.length === 1) {
      // Only one placed event: the summary is more about it; its other actors join as associated, and
      // its toll is that event's when the event has none of its own ("19 people were killed in the attack").
      const only = detailed[0]!;
      if (only.fatalities === null && overview.fatalities !== null) {
        only.fatalities = overview.fatalities;
        only.evidence.push(...overview.evidence.filter((e) => e.field === "fatalities"));
      }
      for (const a of overview.actors) {
        if (a.type === 7 && only.eventType !== "Violence against civilians") continue;
        if (!only.actors.some((x) => x.name === a.name) && !(a.name === "Unidentified Armed Group" && only.actors.some((x) => x.type === 2))) {
          only.actors.push({ ...a, role: only.actors.length === 0 ? "actor1" : only.actors.length === 1 ? "actor2" : "associated" });
        }
      }
    }
    return false;
  });
}

const ARMED = new Set(["Battles", "Violence against civilians", "Explosions/Remote violence"]);

/**
 * Same event type, or both armed violence: a summary may call a battle "an attack that killed civilians".
 * Of another type, it names no armed group the detailed event lacks: "comme celle (l'incursion du JNIM)
 * ayant coûté la vie à un guide" beside an attack by unidentified men is another event.
 */
function sameKind(detail: ExtractedIncident, overview: ExtractedIncident): boolean {
  if (detail.eventType === overview.eventType) return true;
  if (!ARMED.has(detail.eventType) || !ARMED.has(overview.eventType)) return false;
  return overview.actors.every((a) => ![2, 4].includes(a.type) || detail.actors.some((d) => d.name === a.name));
}

/** The same day, the day before or after (a night, a late report), or a summary that fixes no day at all. */
function closeDates(overview: ExtractedIncident, detail: ExtractedIncident): boolean {
  if (overview.eventDate === detail.eventDate || overview.datePrecision !== "day" || !overview.eventDate || !detail.eventDate) return true;
  const days = Math.abs(Date.parse(overview.eventDate) - Date.parse(detail.eventDate)) / 86_400_000;
  return days <= 1;
}

/**
 * Step 3, merging: candidates merge across sentences into drafts when they describe the same event (same
 * development, no conflicting date or place), so one article yields one draft per event; trigger-less
 * sentences that add a toll or an attribution follow the event told just before.
 */
import type { TriggerMatch } from "../event-type";
import { sentenceFatalities } from "../fatalities";
import type { PlaceEntry } from "../gazetteer";
import type { Sentence } from "../sentences";
import { type Candidate, type Draft, type ArticleFacts, within } from "./types";
import { sentenceCandidates, strongPlace, bestDate } from "./candidates";

export function frameOf(candidate: Candidate): string {
  if (candidate.family !== "strategic") return candidate.family;
  const ids = new Set(candidate.triggers.map((t) => t.rule.id));
  for (const id of ["agreement", "arrest", "withdrawal", "visit", "deployment", "looting", "disrupted", "base", "transfer", "sanction"]) {
    if (ids.has(id)) return id;
  }
  return "strategic";
}

export function draftDate(draft: Draft): string | undefined {
  for (const c of draft.candidates) if (c.ownDate) return bestDate(c)?.date;
  return undefined;
}

export function draftPlace(draft: Draft): PlaceEntry | undefined {
  for (const c of draft.candidates) {
    const p = strongPlace(c);
    if (p) return p;
  }
  return undefined;
}

// "Les assaillants ont également incendié le marché", "the attackers also torched shops": the damage
// told a few sentences on belongs to the attack, not to an event of its own.
const BACK_REFERENCE = /\b(?:les assaillants|les attaquants|les terroristes|les jihadistes|les djihadistes|les hommes armes|les ravisseurs|the attackers|the assailants|the gunmen|the militants|the jihadists|egalement|aussi|also|en outre|in addition)\b/;
const RETELLING = /\b(?:the|this|l'|cette|ladite) ?(?:attack|ambush|raid|assault|attaque|embuscade|assaut|incursion)\s+(?:[\p{L}'-]+\s+){0,6}?(?:took place|happened|occurred|was carried out|a eu lieu|s'est produite|s'est deroulee|a ete perpetree|a ete menee)\b/u;
const foldedSentence = (c: Candidate) => c.sentence.text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** Whether a candidate can be the same event as an earlier draft. */
export function sameEvent(candidate: Candidate, draft: Draft): boolean {
  const last = draft.candidates[draft.candidates.length - 1]!;
  const followUp =
    candidate.family === "strategic" &&
    draft.family !== "strategic" &&
    candidate.triggers.every((t) => t.rule.id === "looting") &&
    (!candidate.ownDate || !draftDate(draft)) &&
    !strongPlace(candidate) &&
    (candidate.sentenceIndex - last.sentenceIndex <= 1 ||
      (candidate.sentenceIndex - last.sentenceIndex <= 4 && BACK_REFERENCE.test(foldedSentence(candidate))));
  if (followUp) return true;
  const sameFamily = candidate.family === draft.family || (candidate.family !== "strategic" && draft.family !== "strategic");
  if (!sameFamily || frameOf(candidate) !== frameOf(draft.candidates[0]!)) return false;
  // "The attack took place near Tongo Tongo", "l'attaque s'est produite à Boni": the event already told,
  // placed now, however far on; it joins the latest violent telling unless its day differs.
  if (candidate.family === "violence" && RETELLING.test(foldedSentence(candidate))) {
    const told = bestDate(candidate)?.date;
    return !candidate.ownDate || !told || !draftDate(draft) || told === draftDate(draft);
  }
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

export const CASUALTY = /\b(bless(?:e|es|ee|ees|ure|ures)|wounded|injured|bilan|toll|casualt(?:y|ies)|victimes?|pertes?|morts?|dead|killed|tues?|tuees?)\b/;
const TOLL_CUE = /\b(bilan|toll|victimes|morts|tues|tuees|dead|killed|perdu la vie|lost their lives)\b/;
export const ATTRIBUTION = /\b(blamed|attributed to|accused|claimed responsibility|attribuee?s? a|imputee?s? a|accuse\w*|revendiqu\w*|se reclamant d\w*)\b/;

/**
 * Walks the sentences in order: each candidate joins the latest draft telling the same event or starts a
 * new one; an anaphora ("cette visite") adds evidence to the draft it refers to; a sentence with no event
 * of its own that gives a toll, casualties or an attribution follows the event just told.
 */
export function buildDrafts(facts: ArticleFacts): { drafts: Draft[]; anaphorasByDraft: Map<Draft, TriggerMatch[]> } {
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
    const folded = facts.folded.slice(sentence.start, sentence.end);
    const fatalityMentions = within(facts.fatalities, sentence.start, sentence.end);
    // "Selon une source locale, le bilan est de sept morts" may open the next paragraph: a toll in the very
    // next sentence still belongs to the event just told.
    const nextToll = !!previous && index - previous.index === 1 && fatalityMentions.length > 0 && TOLL_CUE.test(folded);
    const follows = previous && ((previous.sentence.paragraph === sentence.paragraph && index - previous.index <= 2) || nextToll) ? previous.draft : undefined;
    const owner = referred ?? follows;
    if (!owner) return;
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
  return { drafts, anaphorasByDraft };
}

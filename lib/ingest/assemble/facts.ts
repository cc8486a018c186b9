/** Step 1: every mention the finders see in an article (places, actors, dates, tolls, triggers), found once. */
import { findActors, type ActorMention } from "../actors";
import { SPEECH_VERBS } from "../speech";
import { findDates, isReportingDate, type DateMention } from "../dates";
import { findTriggers, TRIGGER_RULES, type TriggerMatch } from "../event-type";
import { findFatalities } from "../fatalities";
import { datelineSpans } from "../dateline";
import { countCountryMentions, findPlaces } from "../gazetteer";
import { foldKeepLength, tokenize } from "../normalize";
import { splitSentences } from "../sentences";
import { parentheticalPlaces, rankByCountry } from "./place";
import { spanIndexAt } from "../spans";
import { type AssembleOptions, type ArticleFacts, overlapsAny, within } from "./types";

// Dates that only tell when something was said ("the army said on Wednesday"): an event's date only when
// the text gives no other.
export const REPORTING = new WeakSet<DateMention>();
export const eventDateOnly = (d: DateMention) => !REPORTING.has(d);

const SOURCE_BEFORE = /\b(?:selon|d'apres|a en croire|according to|cited by|quoted by|cite\w* par)\s+(?:l'|le |la |les |un |une |des |the |a )?(?:\p{L}+\s+){0,2}$/u;
// The speaker, its words, then what it reports after "que"/"that": the first words of the report tell
// whether the speaker reports its own deed ("qu'elle a repoussé", "that it killed").
const SPEECH_AFTER = new RegExp(
  String.raw`^[\s»")]*(?:,[^,.;]{0,60},\s*)?(?:(?:a|ont|avait|avaient|has|have|had)\s+)?(?:\p{L}+\s+)?(?:${SPEECH_VERBS})\b[^.;]{0,60}?\b(?:que\s+|qu'|that\s+)(\p{L}+)`,
  "u",
);

// An armed group acting in the clause: "des hommes armés ont tué", "gunmen attacked".
const AGENT_AFTER = /^[\s,]*(?:[\p{L}'-]+\s+){0,4}?(?:(?:ont|a|avaient|avait|have|has|had)\s+)?(?:tue|attaque|enleve|kidnappe|assassine|execute|incendie|pille|tendu|ouvert le feu|pris pour cible|killed|attacked|abducted|kidnapped|ambushed|stormed|raided|opened fire|shot|torched|looted)\b/u;

/** A mention that is only the source of a report: "selon l'armée", "l'armée a indiqué que...". */
function isSourceOnly(folded: string, mention: { start: number; end: number }): boolean {
  if (SOURCE_BEFORE.test(folded.slice(Math.max(0, mention.start - 40), mention.start))) return true;
  const speech = SPEECH_AFTER.exec(folded.slice(mention.end, mention.end + 140));
  // "a indiqué qu'elle a repoussé", "said that it killed": the speaker did it.
  return !!speech && !/^(?:il|elle|ils|elles|it|they|its|their|leurs?|ses)$/.test(speech[1]!);
}

export function collectFacts(text: string, options: AssembleOptions): ArticleFacts {
  const folded = foldKeepLength(text);
  const tokens = tokenize(folded);
  const bodyStart = options.bodyStart ?? 0;
  const sentences = splitSentences(text).filter((s) => s.start >= bodyStart);
  const actors = findActors(text, options.language, folded, tokens);
  // A place inside an actor's name ("Katiba Macina", "armée du Mali") is not where anything happened.
  // The city of a wire dateline ("BAMAKO, 3 juin (AFP) -") is where the story was filed, not where it happened.
  const datelines = datelineSpans(text);
  const found0 = findPlaces(text, folded, tokens).filter((p) => !overlapsAny(p, actors) && !overlapsAny(p, datelines));
  // "X (Koro, Mopti)": the parenthesis situates X; X takes the namesake that lies there.
  const parenthetical = parentheticalPlaces(text, found0);
  const contextPlaces = new Set(parenthetical.context);
  const placesInText = found0
    .filter((p) => !contextPlaces.has(p))
    .map((p) => {
      const entry = parenthetical.placed.get(p);
      return entry && entry !== p.place ? { ...p, place: entry, alternatives: [p.place, ...p.alternatives].filter((e) => e !== entry) } : p;
    });
  const publishedAt = options.publishedAt ?? null;
  const dates = findDates(text, options.language, publishedAt, folded);
  for (const d of dates) if (isReportingDate(folded, d.start)) REPORTING.add(d);
  const fatalities = findFatalities(text, folded);
  const found = findTriggers(folded).filter((t) => !overlapsAny(t, actors) && !overlapsAny(t, placesInText));
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
  const places = rankByCountry(placesInText, sentences, countryRanking);
  const named = parenthetical.named.filter((n) => !overlapsAny(n, datelines));
  // "Selon l'armée", "the army said that...": a state or international body only reporting an event takes
  // no part in it (its forces do when "l'armée a annoncé avoir repoussé...").
  // Only when the sentence names who acted: "the army confirmed that the suspect was intercepted" leaves
  // the army as the one that acted.
  const perpetrator = (a: ActorMention) =>
    [2, 3, 4].includes(a.actor.type) && (AGENT_AFTER.test(folded.slice(a.end, a.end + 50)) || /\b(?:par|by)\s+(?:des |les |the )?$/.test(folded.slice(Math.max(0, a.start - 12), a.start)));
  const participants = actors.filter((a) => {
    if (![1, 8].includes(a.actor.type) || !isSourceOnly(folded, a)) return true;
    const s = sentences[spanIndexAt(sentences, a.start)];
    if (!s || a.start < s.start || a.start >= s.end) return true;
    const others = within(actors, s.start, s.end).filter((b) => b !== a);
    // "selon l'état-major" beside "les militaires français": an unnamed staff speaks for the forces named.
    const unnamedSpeaker = !!a.actor.special?.startsWith("context") && others.some((b) => [1, 8].includes(b.actor.type) && !b.actor.special);
    return !unnamedSpeaker && !others.some(perpetrator);
  });
  return { text, folded, sentences, places, contextPlaces, named, actors: participants, dates, fatalities, triggers, countryRanking, publishedAt };
}

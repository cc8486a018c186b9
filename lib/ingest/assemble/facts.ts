/** Step 1: every mention the finders see in an article (places, actors, dates, tolls, triggers), found once. */
import { findActors, type ActorMention } from "../actors";
import { findDates, isReportingDate, type DateMention } from "../dates";
import { findTriggers, TRIGGER_RULES, type TriggerMatch } from "../event-type";
import { findFatalities } from "../fatalities";
import { countCountryMentions, findPlaces, lookupPlace } from "../gazetteer";
import { foldKeepLength, tokenize } from "../normalize";
import { splitSentences } from "../sentences";
import { parentheticalPlaces, rankByCountry } from "./place";
import { type AssembleOptions, type ArticleFacts, overlapsAny } from "./types";

// Dates that only tell when something was said ("the army said on Wednesday"): an event's date only when
// the text gives no other.
export const REPORTING = new WeakSet<DateMention>();
export const eventDateOnly = (d: DateMention) => !REPORTING.has(d);

// A dateline opens a paragraph: maybe the agency and a dash ("APA – Bamako (Mali) –"), a place in capitals
// or title case, maybe a country and a date, then the agency or country in parentheses and a dash
// ("Bamako, Mali, 15 juin (Infosplusgabon) -"). Only each line's head is read, so a long line costs no
// more than its first 120 characters.
const DATELINE =
  /^\s*(?:(?:AFP|Reuters|AP|APA|AIB|ANP|AMAP|ATP|Xinhua|Anadolu|MAP|PANA|ANI)\s*[-–—]\s*)?\p{Lu}[\p{L}' .-]{1,40}(?:,[^()\n]{0,40})?\s*(?:\(\p{Lu}[\p{L}.&'’ -]{1,30}\)\s*[-–—:]|\((?:AFP|Reuters|AP|APA|AIB|ANP|AMAP|ATP|Xinhua|Anadolu|MAP|PANA|ANI)\)\s)/u;

// "OUAGADOUGOU - Suspected jihadists...", "Bamako, 3 juin – ...": a city and a spaced dash, no agency.
// A country so placed is a headline's subject ("Mali – Attaque à Boni"), not a dateline.
const BARE_DATELINE = /^\s*(\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){0,2})(?:,[^()\n–—-]{0,40})?\s+[-–—]\s+(?=\p{Lu})/u;

/** The spans of wire datelines at the head of the text's lines. */
export function datelineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const head = text.slice(start, Math.min(end, start + 120));
    const bare = BARE_DATELINE.exec(head);
    const m = DATELINE.exec(head) ?? (bare && !lookupPlace(bare[1]!).some((p) => p.kind === "country") ? bare : null);
    if (m) spans.push({ start, end: start + m[0].length });
    start = end + 1;
  }
  return spans;
}

const SOURCE_BEFORE = /\b(?:selon|d'apres|a en croire|according to|cited by|quoted by|cite\w* par)\s+(?:l'|le |la |les |un |une |des |the |a )?(?:\p{L}+\s+){0,2}$/u;
const SPEECH_AFTER =
  /^[\s»"”)]*(?:,[^,.;]{0,60},\s*)?(?:(?:a|ont|avait|avaient|has|have|had)\s+)?(?:\p{L}+\s+)?(?:indique|annonce|declare|affirme|precise|rapporte|confirme|assure|fait savoir|souligne|explique|communique|said|says|reported|announced|confirmed|stated|told \p{L}+)\b([^.;]{0,60}?)\b(?:que|qu'|that)\b/u;

// An armed group acting in the clause: "des hommes armés ont tué", "gunmen attacked".
const AGENT_AFTER = /^[\s,]*(?:[\p{L}'-]+\s+){0,4}?(?:(?:ont|a|avaient|avait|have|has|had)\s+)?(?:tue|attaque|enleve|kidnappe|assassine|execute|incendie|pille|tendu|ouvert le feu|pris pour cible|killed|attacked|abducted|kidnapped|ambushed|stormed|raided|opened fire|shot|torched|looted)\b/u;

/** A mention that is only the source of a report: "selon l'armée", "l'armée a indiqué que...". */
function isSourceOnly(folded: string, mention: { start: number; end: number }): boolean {
  if (SOURCE_BEFORE.test(folded.slice(Math.max(0, mention.start - 40), mention.start))) return true;
  const speech = SPEECH_AFTER.exec(folded.slice(mention.end, mention.end + 140));
  // "a annoncé avoir repoussé", "said it had killed": the speaker did it.
  return !!speech && !/\b(?:avoir|it|they|its|their|sa|son|ses|leur|leurs)\b/.test(speech[1] ?? "");
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
    const s = sentences.find((x) => a.start >= x.start && a.start < x.end);
    if (!s) return true;
    const others = actors.filter((b) => b !== a && b.start >= s.start && b.end <= s.end);
    // "selon l'état-major" beside "les militaires français": an unnamed staff speaks for the forces named.
    const unnamedSpeaker = !!a.actor.special?.startsWith("context") && others.some((b) => [1, 8].includes(b.actor.type) && !b.actor.special);
    return !unnamedSpeaker && !others.some(perpetrator);
  });
  return { text, folded, sentences, places, contextPlaces, named, actors: participants, dates, fatalities, triggers, countryRanking, publishedAt };
}

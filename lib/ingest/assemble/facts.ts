/** Step 1: every mention the finders see in an article (places, actors, dates, tolls, triggers), found once. */
import { findActors } from "../actors";
import { findDates, isReportingDate, type DateMention } from "../dates";
import { findTriggers, TRIGGER_RULES, type TriggerMatch } from "../event-type";
import { findFatalities } from "../fatalities";
import { countCountryMentions, findPlaces } from "../gazetteer";
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
const DATELINE = /^\s*(?:(?:AFP|Reuters|AP|APA|AIB|ANP|AMAP|ATP|Xinhua|Anadolu|MAP|PANA|ANI)\s*[-–—]\s*)?\p{Lu}[\p{L}' .-]{1,40}(?:,[^()\n]{0,40})?\s*\(\p{Lu}[\p{L}.&'’ -]{1,30}\)\s*[-–—:]/u;

/** The spans of wire datelines at the head of the text's lines. */
export function datelineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const m = DATELINE.exec(text.slice(start, Math.min(end, start + 120)));
    if (m) spans.push({ start, end: start + m[0].length });
    start = end + 1;
  }
  return spans;
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
  return { text, folded, sentences, places, contextPlaces, named, actors, dates, fatalities, triggers, countryRanking, publishedAt };
}

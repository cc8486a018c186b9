/** The date of a draft with nothing of its own: the story's "now" (a day told earlier, "la veille", "le lendemain"). */
import type { DateMention, DatePrecision } from "../dates";
import { type Candidate, type ArticleFacts, sentenceAt } from "./types";

export const STORY_RELATIVE: [RegExp, number][] = [
  [/\b(le meme jour|ce meme jour|the same day|that same day|on the same day)\b/, 0],
  [/\b(la veille|the day before|the previous day|a day earlier)\b/, -1],
  [/\b(le lendemain|the next day|the following day|a day later)\b/, 1],
  [/\b(deux jours plus tard|two days later)\b/, 2],
  [/\b(deux jours plus tot|two days earlier)\b/, -2],
  [/\b(trois jours plus tard|three days later)\b/, 3],
];

export function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The story's "now" for a sentence without a date: "le même jour", "la veille", "two days later" count
 * from the last day told before it; otherwise the last day told earlier in the same paragraph.
 */
export function contextDate(facts: ArticleFacts, candidate: Candidate): { date: string; precision: DatePrecision; source: DateMention } | undefined {
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

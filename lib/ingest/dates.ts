/**
 * Event dates resolved against the publication date. chrono-node reads day-level phrases ("ce lundi 19
 * mai 2025", "le 17 mai", "hier", "samedi"); month and year phrases ("en février 2025", "depuis
 * septembre 2024", "en 2021", "la semaine dernière") are our own rules, since chrono ignores them.
 * News reports the past: a phrase without a year is put in the year before publication when it would
 * otherwise fall after it, and a bare weekday in the week before.
 */
import * as chrono from "chrono-node";
import { foldKeepLength } from "./normalize";
import type { Language } from "./language";

export type DatePrecision = "day" | "week" | "month" | "year";

// "a local official said on Monday", "a annoncé mardi": the day something was said, not when it happened.
const REPORTING_BEFORE = /\b(said|says|told [\p{L}]+|announced|reported|stated|confirmed|added|a annonce|a declare|a indique|a affirme|a precise|ont rapporte|a rapporte|a confirme|a appris|ont annonce|ont indique)\s+(?:on\s+|ce\s+|le\s+)?$/u;

/** True when a date phrase only dates a statement ("said on Monday"). */
export function isReportingDate(folded: string, start: number): boolean {
  return REPORTING_BEFORE.test(folded.slice(Math.max(0, start - 30), start));
}

export interface DateMention {
  start: number;
  end: number;
  /** First day of the period (YYYY-MM-DD). */
  date: string;
  /** Last day, for explicit ranges ("du 3 au 5 mai"); null otherwise. */
  endDate: string | null;
  precision: DatePrecision;
  /** "depuis", "since": the start of something that continues. */
  since: boolean;
}

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10,
  novembre: 11, decembre: 12, january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join("|");

// Month phrases: "en février 2025", "depuis septembre 2024", "début mai", "in March 2024", "fin avril".
const MONTH_RE = new RegExp(
  `\\b(?:(depuis|since|des|from|en|in|au mois de|in the month of|courant|debut|fin|mi|early|late|mid|until|jusqu'en|jusqu'a)[\\s-]+)?(?:le mois de\\s+)?(${MONTH_NAMES})(?:\\s+(?:de l'annee\\s+)?((?:19|20)\\d\\d))?\\b`,
  "g",
);
// Year phrases: "en 2021", "depuis 2019", "in 2023", "au cours de l'année 2022", "début 2024".
const YEAR_RE = /\b(depuis|since|en|in|au cours de|durant|during|courant|debut|fin|early|late|depuis l'annee|en l'an|dans l'annee|de l'annee|l'annee)\s+(?:l'annee\s+)?((?:19|20)\d\d)\b(?!\s*[-/]\d)/g;
const RELATIVE_RE = /\b(le week-end dernier|le weekend dernier|ce week-end|ce weekend|le week-end|last weekend|over the weekend|this weekend|at the weekend|avant-hier|avant hier|the day before yesterday|la semaine (?:derniere|passee)|last week|cette semaine|this week|le mois (?:dernier|passe)|last month|l'an dernier|l'annee (?:derniere|passee)|last year)\b/g;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function parseIso(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y!, m!, d!];
}

/** Pushes results that would lie after publication back into the past (a year, or a week for weekdays). */
const pastBiasRefiner = {
  refine: (context: chrono.ParsingContext, results: chrono.ParsingResult[]) => {
      const refIso = context.refDate.toISOString().slice(0, 10);
      for (const result of results) {
        for (const component of [result.start, result.end] as (chrono.ParsingComponents | undefined)[]) {
          if (!component) continue;
          const iso = isoDate(component.get("year") ?? 0, component.get("month") ?? 1, component.get("day") ?? 1);
          if (iso <= refIso || /prochain|next|a venir|coming/i.test(result.text)) continue;
          if (!component.isCertain("year") && component.isCertain("month")) {
            component.assign("year", (component.get("year") ?? 0) - 1);
          } else if (!component.isCertain("day") && component.isCertain("weekday")) {
            const back = parseIso(addDays(iso, -7));
            component.assign("year", back[0]);
            component.assign("month", back[1]);
            component.assign("day", back[2]);
          }
        }
      }
      return results;
  },
};

function withPastBias(parser: chrono.Chrono): chrono.Chrono {
  const clone = parser.clone();
  clone.refiners.push(pastBiasRefiner);
  return clone;
}

const PARSERS: Record<Language, chrono.Chrono> = {
  fr: withPastBias(chrono.fr.casual),
  en: withPastBias(chrono.en.casual),
};

function componentIso(component: chrono.ParsedComponents): string {
  return isoDate(component.get("year") ?? 1970, component.get("month") ?? 1, component.get("day") ?? 1);
}

function isSince(folded: string, start: number): boolean {
  return /\b(depuis|since|des le|a partir d[ue]|starting|from)\s*(le |the |ce |cette )?$/.test(folded.slice(Math.max(0, start - 20), start));
}

// Abbreviated months ("2 Aug", "Sept. 14", "14 janv."): a hint only next to a day number, where they are dates.
const MONTH_ABBREVIATIONS = "jan|janv|feb|febr|fev|fevr|mar|apr|avr|jun|jul|juil|aug|sep|sept|oct|nov|dec";

// Words without which chrono finds nothing: it only runs on windows around them, a fraction of the text.
const DATE_HINT = new RegExp(
  `(?:\\b|(?<=\\d))(?:${MONTH_NAMES}|\\d{1,2}\\s(?:${MONTH_ABBREVIATIONS})|(?:${MONTH_ABBREVIATIONS})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hier|aujourd'hui|demain|yesterday|today|tonight|tomorrow|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  "g",
);

const MAX_WINDOW = 2000;

function dateWindows(folded: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  DATE_HINT.lastIndex = 0;
  for (let m = DATE_HINT.exec(folded); m; m = DATE_HINT.exec(folded)) {
    let start = Math.max(0, m.index - 40);
    let end = Math.min(folded.length, m.index + m[0].length + 40);
    while (start > 0 && !/\s/.test(folded[start - 1]!)) start--;
    while (end < folded.length && !/\s/.test(folded[end]!)) end++;
    const last = windows[windows.length - 1];
    // Windows merge while they overlap, up to a bound: chrono's time grows faster than the length it reads.
    if (last && start <= last.end && last.end - last.start < MAX_WINDOW) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** The four-digit year a date phrase writes, else null ("14 May, 14" writes none). */
function writtenYear(phrase: string): number | null {
  const m = /\b(1[89]\d\d|20\d\d)\b/.exec(phrase);
  return m ? Number(m[1]) : null;
}

function trimTrailingNumber(phrase: string): number {
  return phrase.replace(/\s*,\s*\d{1,2}\s*$/, "").length;
}


/**
 * The day a phrase names. Without a written year it is the most recent such day on or before publication:
 * "mercredi 4 septembre" published on 10 September 2025 is 4 September 2024, the last one that was a
 * Wednesday; a two-digit number chrono took for a year is no year.
 */
function resolveYear(component: chrono.ParsedComponents, written: number | null, reference: Date): string {
  const month = component.get("month") ?? 1;
  const day = component.get("day") ?? 1;
  if (written !== null || !component.isCertain("month") || !component.isCertain("day")) return componentIso(component);
  const refIso = reference.toISOString().slice(0, 10);
  let year = reference.getUTCFullYear();
  if (isoDate(year, month, day) > refIso) year -= 1;
  const weekday = component.isCertain("weekday") ? component.get("weekday") : undefined;
  if (weekday !== undefined && weekday !== null) {
    for (let back = 0; back < 7; back++) {
      const iso = isoDate(year - back, month, day);
      if (new Date(`${iso}T12:00:00Z`).getUTCDay() === weekday) return iso;
    }
  }
  return isoDate(year, month, day);
}

const SCHEDULED_NOUN = "elections?|vote|polls?|referendum|ballot|summit|deadline|scrutin|sommet|presidentielle|legislatives|echeance";
const SCHEDULED_AFTER = new RegExp(`^,?\\s+(?:(?:presidential|legislative|parliamentary|general|local|municipal|runoff|constitutional)\\s+)?(?:${SCHEDULED_NOUN})\\b`);
const SCHEDULED_BEFORE = new RegExp(`\\b(?:${SCHEDULED_NOUN})(?:\\s+(?:presidentielle|legislatives?|presidential|general))?\\s+(?:du|of|on|prevue? (?:le|pour le)|scheduled for)\\s+(?:le\\s+)?$`);
const PART_OF_DAY_OF = /^(?:the\s+)?(?:early\s+|late\s+)?(?:evening|morning|afternoon|night|nights)\s+of\s+/i;

function chronoDates(text: string, folded: string, language: Language, reference: Date): DateMention[] {
  const mentions: DateMention[] = [];
  const results: { result: chrono.ParsedResult; offset: number }[] = [];
  const parse = (start: number, end: number) => PARSERS[language].parse(text.slice(start, end), { instant: reference, timezone: 0 });
  for (const w of dateWindows(folded)) {
    for (const result of parse(w.start, w.end)) {
      const offset = w.start + result.index;
      // chrono reads "the evening of 13 May" as this evening, losing the day: the day is what follows "of".
      const partOfDay = PART_OF_DAY_OF.exec(result.text);
      if (partOfDay) {
        for (const inner of parse(offset + partOfDay[0].length, offset + result.text.length)) {
          results.push({ result: inner, offset: offset + partOfDay[0].length + inner.index });
        }
      } else results.push({ result, offset });
    }
  }
  for (const { result, offset } of results) {
    const start = result.start;
    // Clock times and bare numbers are not dates of events.
    if (!start.isCertain("day") && !start.isCertain("weekday")) continue;
    if (/^\d{1,2}$/.test(result.text.trim())) continue;
    // A wire dateline ("OUAGADOUGOU, Aug 27 (Reuters) -") dates the dispatch, not the event.
    if (/^\s*\((?:reuters|afp|ap|apa|anadolu|xinhua)\)/.test(folded.slice(offset + result.text.length, offset + result.text.length + 12))) continue;
    // "the Feb. 25 presidential election", "le scrutin du 25 février": the day of a scheduled vote, not of an event.
    if (SCHEDULED_AFTER.test(folded.slice(offset + result.text.length, offset + result.text.length + 40))) continue;
    if (SCHEDULED_BEFORE.test(folded.slice(Math.max(0, offset - 40), offset))) continue;
    // "la veille", "le lendemain" count from the story's last date, which the assembler knows; chrono would use publication.
    if (/veille|lendemain/i.test(result.text)) continue;
    const end = result.end && result.end.isCertain("day") ? componentIso(result.end) : null;
    const written = writtenYear(result.text);
    const date = /prochain|next|a venir|coming/i.test(result.text) ? componentIso(start) : resolveYear(start, written, reference);
    // "On 14 May, 14 soldiers": chrono reads the count as a two-digit year; the phrase ends at the month.
    const length = written === null && start.isCertain("year") ? trimTrailingNumber(result.text) : result.text.length;
    mentions.push({
      start: offset,
      end: offset + length,
      date,
      endDate: end && end !== date && end > date ? end : null,
      precision: "day",
      since: isSince(folded, offset),
    });
  }
  return mentions;
}

function monthDates(folded: string, reference: Date | null): DateMention[] {
  const mentions: DateMention[] = [];
  MONTH_RE.lastIndex = 0;
  for (let m = MONTH_RE.exec(folded); m; m = MONTH_RE.exec(folded)) {
    const [whole, cue, monthName, yearText] = m;
    const monthStart = m.index + whole.indexOf(monthName!, cue ? cue.length : 0);
    // "17 mai", "1er mars", "May 17": day-level phrases belong to chrono.
    if (/\d(er)?\s*$/.test(folded.slice(Math.max(0, monthStart - 5), monthStart))) continue;
    if (/^\s+\d{1,2}(st|nd|rd|th)?\b(?!\d)/.test(folded.slice(m.index + whole.length, m.index + whole.length + 6)) && !yearText) continue;
    // Without a cue or a year, "mars" and "may" are too often not months.
    if (!cue && !yearText) continue;
    const month = MONTHS[monthName!]!;
    let year: number;
    if (yearText) year = Number(yearText);
    else if (reference) {
      year = reference.getUTCFullYear();
      if (month > reference.getUTCMonth() + 1 && !/until|jusqu/.test(cue ?? "")) year -= 1;
    } else continue;
    mentions.push({
      start: m.index,
      end: m.index + whole.length,
      date: isoDate(year, month, 1),
      endDate: null,
      precision: "month",
      since: /depuis|since|des|from/.test(cue ?? "") || isSince(folded, m.index),
    });
  }
  return mentions;
}

function yearDates(folded: string): DateMention[] {
  const mentions: DateMention[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(folded); m; m = YEAR_RE.exec(folded)) {
    mentions.push({
      start: m.index,
      end: m.index + m[0].length,
      date: `${m[2]}-01-01`,
      endDate: null,
      precision: "year",
      since: /depuis|since/.test(m[1]!),
    });
  }
  return mentions;
}

function relativeDates(folded: string, reference: Date | null): DateMention[] {
  if (!reference) return [];
  const refIso = reference.toISOString().slice(0, 10);
  const [year, month] = parseIso(refIso);
  const mentions: DateMention[] = [];
  RELATIVE_RE.lastIndex = 0;
  for (let m = RELATIVE_RE.exec(folded); m; m = RELATIVE_RE.exec(folded)) {
    const phrase = m[1]!;
    let date: string;
    let precision: DatePrecision;
    let endDate: string | null = null;
    if (/week-?end/.test(phrase)) {
      // The Saturday of the latest weekend before publication ("dernier": the one before, when published on it).
      const weekday = new Date(`${refIso}T12:00:00Z`).getUTCDay();
      let back = (weekday + 1) % 7;
      if (back <= 1 && /dernier|last/.test(phrase)) back += 7;
      date = addDays(refIso, -back);
      endDate = addDays(date, 1);
      mentions.push({ start: m.index, end: m.index + m[0].length, date, endDate, precision: "week", since: false });
      continue;
    } else if (/hier|yesterday/.test(phrase)) [date, precision] = [addDays(refIso, -2), "day"];
    else if (/semaine|week/.test(phrase)) [date, precision] = [addDays(refIso, /derniere|passee|last/.test(phrase) ? -7 : 0), "week"];
    else if (/mois|month/.test(phrase)) [date, precision] = [month === 1 ? isoDate(year - 1, 12, 1) : isoDate(year, month - 1, 1), "month"];
    else [date, precision] = [isoDate(year - 1, 1, 1), "year"];
    mentions.push({ start: m.index, end: m.index + m[0].length, date, endDate, precision, since: false });
  }
  return mentions;
}

// "le 3 courant": the 3rd of the month of publication (or of the month before, when that day is still to come).
const CURRENT_MONTH_RE = /\b(?:le|du|au|ce)\s+(\d{1,2})(?:er)?\s+courant\b/g;

function currentMonthDates(folded: string, reference: Date | null): DateMention[] {
  if (!reference) return [];
  const [year, month, day] = parseIso(reference.toISOString().slice(0, 10));
  const mentions: DateMention[] = [];
  CURRENT_MONTH_RE.lastIndex = 0;
  for (let m = CURRENT_MONTH_RE.exec(folded); m; m = CURRENT_MONTH_RE.exec(folded)) {
    const d = Number(m[1]);
    if (d < 1 || d > 31) continue;
    const [y, mo] = d <= day ? [year, month] : month === 1 ? [year - 1, 12] : [year, month - 1];
    mentions.push({ start: m.index, end: m.index + m[0].length, date: isoDate(y, mo, d), endDate: null, precision: "day", since: false });
  }
  return mentions;
}

// "dans la nuit du lundi 26 au mardi 27 août", "the night of 3 to 4 June": one night, dated by its first day.
const WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const NIGHT_RANGE_RE = new RegExp(
  `\\b(?:nuit|night)\\s+(?:du|of|from)\\s+(?:(?:${WEEKDAYS})\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:au|to|and)\\s+(?:(?:${WEEKDAYS})\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\b(?:\\s+(${MONTH_NAMES})(?:\\s+((?:19|20)\\d\\d))?\\b)?`,
  "g",
);

function nightRangeDates(folded: string, reference: Date | null): DateMention[] {
  const mentions: DateMention[] = [];
  NIGHT_RANGE_RE.lastIndex = 0;
  for (let m = NIGHT_RANGE_RE.exec(folded); m; m = NIGHT_RANGE_RE.exec(folded)) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    if (first < 1 || first > 31 || second < 1 || second > 31) continue;
    // "dans la nuit du 3 au 4": the month of publication, or the one before when that night is still to come.
    const refIso = reference?.toISOString().slice(0, 10);
    if (!m[3] && !refIso) continue;
    let month = m[3] ? MONTHS[m[3]]! : Number(refIso!.slice(5, 7));
    let year: number;
    if (!m[3]) {
      year = Number(refIso!.slice(0, 4));
      if (isoDate(year, month, second) > refIso!) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    } else if (m[4]) year = Number(m[4]);
    else if (reference) year = reference.getUTCFullYear() - (isoDate(reference.getUTCFullYear(), month, second) > reference.toISOString().slice(0, 10) ? 1 : 0);
    else continue;
    const end = isoDate(year, month, second);
    // "la nuit du 31 mai au 1er juin" is written "du 31 au 1er juin": the first day is in the month before.
    if (first > second) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    mentions.push({ start: m.index, end: m.index + m[0].length, date: isoDate(year, month, first), endDate: end, precision: "day", since: false });
  }
  return mentions;
}

// "the first week of June", "la deuxième semaine de juin": a week, never a day of it.
const WEEK_OF_MONTH_RE = new RegExp(
  `\\b(?:the\\s+)?(first|second|third|fourth|last|premiere|deuxieme|troisieme|quatrieme|derniere)\\s+(?:week|semaine)\\s+(?:of|de|d')\\s*(${MONTH_NAMES})(?:\\s+((?:19|20)\\d\\d))?\\b`,
  "g",
);
const WEEK_START: Record<string, number> = { first: 1, premiere: 1, second: 8, deuxieme: 8, third: 15, troisieme: 15, fourth: 22, quatrieme: 22, last: 22, derniere: 22 };

function weekOfMonthDates(folded: string, reference: Date | null): DateMention[] {
  const mentions: DateMention[] = [];
  WEEK_OF_MONTH_RE.lastIndex = 0;
  for (let m = WEEK_OF_MONTH_RE.exec(folded); m; m = WEEK_OF_MONTH_RE.exec(folded)) {
    const month = MONTHS[m[2]!]!;
    let year: number;
    if (m[3]) year = Number(m[3]);
    else if (reference) year = reference.getUTCFullYear() - (month > reference.getUTCMonth() + 1 ? 1 : 0);
    else continue;
    mentions.push({ start: m.index, end: m.index + m[0].length, date: isoDate(year, month, WEEK_START[m[1]!]!), endDate: null, precision: "week", since: false });
  }
  return mentions;
}

// "killed in an overnight attack, officials said on Sunday": a night told only by the day it was reported
// is the night before that day, and ACLED dates a night by its first day. "Last night" counts from publication.
const NIGHT_RE = /\b(?:overnight|during the night|in the night|last night|la nuit derniere|dans la nuit|pendant la nuit|au cours de la nuit)\b/g;
const SENTENCE_END = /[.!?\n]/;

function nightDates(folded: string, found: DateMention[], reference: Date | null): DateMention[] {
  const mentions: DateMention[] = [];
  // Days in text order, walked with one cursor as the nights advance: linear however many there are.
  const days = found.filter((d) => d.precision === "day").sort((a, b) => a.start - b.start);
  let cursor = 0;
  NIGHT_RE.lastIndex = 0;
  for (let m = NIGHT_RE.exec(folded); m; m = NIGHT_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    while (cursor < days.length && days[cursor]!.start < start) cursor++;
    const following: DateMention[] = [];
    for (let i = cursor; i < days.length && days[i]!.start <= end + 200; i++) following.push(days[i]!);
    // "overnight Saturday", "dans la nuit du 3 au 4": the night has its own day.
    if (following.some((d) => d.start - end <= 25 && !isReportingDate(folded, d.start))) continue;
    // The rest of the sentence, looked at within a bounded span so that the scan stays linear.
    const after = folded.slice(end, end + 200);
    const stop = after.search(SENTENCE_END);
    const sentenceEnd = stop < 0 ? end + after.length : end + stop;
    // Only an attribution that follows the account ("..., officials said on Sunday"): one that opens the sentence
    // ("said on Tuesday they had seized the town after the troops withdrew overnight") frames several phases.
    const reported = following.find((d) => d.start >= end && d.end <= sentenceEnd && isReportingDate(folded, d.start));
    if (reported) mentions.push({ start, end, date: addDays(reported.date, -1), endDate: null, precision: "day", since: false });
    else if (reference && /last night|nuit derniere/.test(m[0])) {
      mentions.push({ start, end, date: addDays(reference.toISOString().slice(0, 10), -1), endDate: null, precision: "day", since: false });
    }
  }
  return mentions;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };

/**
 * Keeps the finest of overlapping mentions ("le 17 février 2025" is a day, not February). Characters taken
 * by a kept mention are marked, so each check costs a mention's own (short) length: linear in the text.
 */
function resolveOverlaps(mentions: DateMention[], length: number): DateMention[] {
  const sorted = [...mentions].sort(
    (a, b) => PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || b.end - b.start - (a.end - a.start),
  );
  const taken = new Uint8Array(length + 1);
  const kept: DateMention[] = [];
  for (const mention of sorted) {
    let free = true;
    for (let i = mention.start; i < mention.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, mention.start, mention.end);
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every date phrase of a text. Without a publication date only phrases that carry their own year are
 * resolved, so the result never depends on the day the code runs.
 */
export function findDates(text: string, language: Language, publishedAt?: string | null, folded = foldKeepLength(text)): DateMention[] {
  const reference = publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? new Date(`${publishedAt}T12:00:00Z`) : null;
  const chronoRef = reference ?? new Date("2000-01-01T12:00:00Z");
  const days = [...chronoDates(text, folded, language, chronoRef), ...currentMonthDates(folded, reference), ...nightRangeDates(folded, reference)];
  let found = [
    ...days,
    ...nightDates(folded, days, reference),
    ...weekOfMonthDates(folded, reference),
    ...monthDates(folded, reference),
    ...yearDates(folded),
    ...relativeDates(folded, reference),
  ];
  if (!reference) {
    // Without a reference, chrono's guesses of missing years are meaningless: keep explicit years only.
    found = found.filter((d) => d.precision !== "day" || /\b(19|20)\d\d\b/.test(text.slice(d.start, d.end)));
  }
  return resolveOverlaps(found, folded.length);
}

/** The publication date written in a text ("Publié le lundi 19 mai 2025", "Published May 19, 2025"). */
export function findPublicationDate(text: string): string | undefined {
  const m = /\b(publi[ée]e? le|mis en ligne le|mis à jour le|published(?: on)?|posted(?: on)?|updated(?: on)?)\s*:?\s*([^\n]{4,60})/i.exec(text);
  const reference = { instant: new Date("2000-01-01T12:00:00Z"), timezone: 0 };
  const certain = (parsed: chrono.ParsedResult | undefined) =>
    parsed && parsed.start.isCertain("year") && parsed.start.isCertain("day") ? componentIso(parsed.start) : undefined;
  if (!m) {
    // A bare date line ("August 27, 2024", "lundi 20 janvier 2025"): either language.
    const line = text.trim();
    if (line.length > 60) return undefined;
    return certain(chrono.fr.parse(line, reference)[0]) ?? certain(chrono.en.parse(line, reference)[0]);
  }
  const fr = /^(publi[ée]e? le|mis)/i.test(m[1]!);
  return certain((fr ? chrono.fr : chrono.en).parse(m[2]!, reference)[0]);
}

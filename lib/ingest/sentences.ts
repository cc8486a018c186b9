/**
 * Sentence splitting with character offsets into the original text, so every piece of evidence can be
 * highlighted exactly. Paragraph breaks always end a sentence; a stop ends one only when followed by
 * something that starts a sentence and when it does not close a common abbreviation.
 *
 * A hand-written scanner rather than one regular expression: text comes from anyone who can post an
 * article, and a backtracking pattern with a lookahead after `\s+` costs the square of a run of spaces
 * (96,000 spaces after a stop kept a worker busy for seconds). Every character here is looked at a
 * bounded number of times.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

/**
 * The longest sentence kept whole. News sentences run to a few hundred characters (the longest in our
 * development sets is under 300); a longer run without a stop is a list, a table or junk. Cutting it
 * bounds the work the extractor does per sentence, which grows faster than the sentence (each trigger is
 * weighed against each date and clause of its sentence).
 */
export const MAX_SENTENCE_LENGTH = 1500;
/** How far back from the limit a long sentence is cut at a space rather than mid-word. */
const CUT_WINDOW = 200;

// Abbreviations whose final stop does not end a sentence (folded, without the stop).
const ABBREVIATIONS = new Set([
  "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "gal", "gén", "gen", "col", "cdt", "lt", "lieut",
  "capt", "cpt", "sgt", "st", "ste", "av", "bd", "etc", "cf", "no", "nos", "n", "vol", "p", "pp", "art", "al",
  "mr", "mrs", "ms", "prof", "gov", "sen", "rep", "jr", "sr", "vs", "inc", "ltd", "co", "corp", "dept", "fig",
  "jan", "feb", "fév", "fev", "aug", "sept", "oct", "nov", "dec", "déc", "approx", "env", "ex", "min",
]);

const WHITESPACE = /\s/;
const LETTER = /^\p{L}$/u;
const SENTENCE_START = /[\p{Lu}\p{N}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where a break can start: a stop or a line break. */
const CANDIDATE = /[.!?…\n]/g;

const isStop = (ch: string | undefined) => ch === "." || ch === "!" || ch === "?" || ch === "…";
const isCloser = (ch: string | undefined) => ch !== undefined && "\"»”’)]".includes(ch);
const isOpener = (ch: string | undefined) => ch !== undefined && "\"«“([".includes(ch);
const isSpace = (ch: string | undefined) => ch !== undefined && WHITESPACE.test(ch);

/** The code point at `index` as a string (both halves of a surrogate pair). */
function codePointAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function startsSentence(text: string, index: number): boolean {
  const ch = codePointAt(text, index);
  return ch !== undefined && SENTENCE_START.test(ch);
}

/** End of the run of whitespace starting at `index`. */
function skipSpaces(text: string, index: number): number {
  while (index < text.length && isSpace(text[index])) index++;
  return index;
}

interface Break {
  /** Where the break starts: the stop, or the line break. */
  index: number;
  /** One past the break's last character (stops, closers and the whitespace after them). */
  end: number;
  /** Length of the stops and closers that stay with the sentence; undefined for a line break. */
  kept?: number;
  /** The stops alone, for the abbreviation test. */
  stops?: string;
}

/**
 * The break starting at `i`, if any: a run of stops and closing quotes followed by whitespace and then
 * something that starts a sentence (a capital or a digit, possibly after an opening quote); a blank line;
 * or a line break before a list item or a capital.
 */
function breakAt(text: string, i: number): Break | undefined {
  const ch = text[i];
  if (isStop(ch)) {
    let j = i;
    while (isStop(text[j])) j++;
    const stops = text.slice(i, j);
    while (isCloser(text[j])) j++;
    const kept = j - i;
    const spaceEnd = skipSpaces(text, j);
    if (spaceEnd === j) return undefined;
    let next = spaceEnd;
    if (isOpener(text[next])) next = skipSpaces(text, next + 1);
    return startsSentence(text, next) ? { index: i, end: spaceEnd, kept, stops } : undefined;
  }
  if (ch !== "\n") return undefined;
  const spaceEnd = skipSpaces(text, i + 1);
  const lastNewline = text.lastIndexOf("\n", spaceEnd - 1);
  if (lastNewline > i) return { index: i, end: lastNewline + 1 };
  const next = text[spaceEnd];
  if ((next === "-" || next === "•" || next === "*") && isSpace(text[spaceEnd + 1])) return { index: i, end: i + 1 };
  return startsSentence(text, spaceEnd) ? { index: i, end: i + 1 } : undefined;
}

/** A single line break ends a sentence only after a short, title-like line (hard-wrapped prose goes on). */
function isLineBreakAfterShortLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  const line = text.slice(lineStart, index).trim();
  return line.length < 100 || /[.!?:»"]$/.test(line);
}

/** Whether the word just before `end` (not reaching before `from`) is an abbreviation or an initial. */
function endsWithAbbreviation(text: string, from: number, end: number): boolean {
  let start = end;
  while (start > from) {
    const low = text.charCodeAt(start - 1);
    const high = start - 2 >= from ? text.charCodeAt(start - 2) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    const ch = pair ? text.slice(start - 2, start) : text[start - 1]!;
    if (!LETTER.test(ch)) break;
    start -= ch.length;
  }
  if (start === end) return false;
  const word = text.slice(start, end);
  // Single capital letters are initials ("J. Smith", "U.S.").
  if (word.length === 1 && word === word.toUpperCase()) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Cuts a span longer than MAX_SENTENCE_LENGTH at a space near the limit (or at the limit). */
function pushTrimmed(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const limit = start + MAX_SENTENCE_LENGTH;
    let cut = limit;
    while (cut > limit - CUT_WINDOW && text[cut] !== " ") cut--;
    if (text[cut] !== " ") cut = /[\udc00-\udfff]/.test(text[limit]!) ? limit - 1 : limit;
    pushWhole(out, text, start, cut, paragraph);
    start = cut;
    while (start < end && isSpace(text[start])) start++;
  }
  pushWhole(out, text, start, end, paragraph);
}

function pushWhole(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  while (end > start && isSpace(text[end - 1])) end--;
  const sentence = text.slice(start, end);
  if (WORD_CHAR.test(sentence)) out.push({ text: sentence, start, end, paragraph });
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  let i = 0;
  for (;;) {
    // Jump to the next stop or line break (the engine scans faster than a loop over characters).
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i];
    const found = breakAt(text, i);
    if (!found) {
      // A run of stops that ends no sentence is skipped whole, so a million dots cost one pass.
      if (isStop(ch)) while (isStop(text[i])) i++;
      else i = skipSpaces(text, i + 1);
      continue;
    }
    i = found.end;
    const stop = found.kept !== undefined;
    if (stop && found.stops === "." && endsWithAbbreviation(text, start, found.index)) continue;
    if (!stop && found.end === found.index + 1 && !isLineBreakAfterShortLine(text, found.index)) continue;
    pushTrimmed(out, text, start, stop ? found.index + found.kept! : found.index, paragraph);
    if (/\n\s*\n/.test(text.slice(found.index, found.end))) paragraph++;
    start = found.end;
  }
  pushTrimmed(out, text, start, text.length, paragraph);
  return out;
}

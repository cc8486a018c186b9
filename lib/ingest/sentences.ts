/**
 * Sentence splitting with character offsets into the original text, so every piece of evidence can be
 * highlighted exactly. Paragraph breaks always end a sentence; a stop ends one only when followed by
 * something that starts a sentence and when it does not close a common abbreviation.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

// Abbreviations whose final stop does not end a sentence (folded, without the stop).
const ABBREVIATIONS = new Set([
  "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "gal", "gén", "gen", "col", "cdt", "lt", "lieut",
  "capt", "cpt", "sgt", "st", "ste", "av", "bd", "etc", "cf", "no", "nos", "n", "vol", "p", "pp", "art", "al",
  "mr", "mrs", "ms", "prof", "gov", "sen", "rep", "jr", "sr", "vs", "inc", "ltd", "co", "corp", "dept", "fig",
  "jan", "feb", "fév", "fev", "aug", "sept", "oct", "nov", "dec", "déc", "approx", "env", "ex", "min",
]);

const BREAK_RE = /([.!?…]+)(["»”’)\]]*)(\s+)(?=["«“(\[]?\s*[\p{Lu}\p{N}])|\n\s*\n+|\n(?=\s*[-•*]\s)|\n(?=\s*[\p{Lu}\p{N}])/gu;

/** A single line break ends a sentence only after a short, title-like line (hard-wrapped prose goes on). */
function isLineBreakAfterShortLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  const line = text.slice(lineStart, index).trim();
  return line.length < 100 || /[.!?:»"]$/.test(line);
}

function endsWithAbbreviation(chunk: string): boolean {
  const m = /([\p{L}]+)$/u.exec(chunk);
  if (!m) return false;
  const word = m[1]!;
  // Single capital letters are initials ("J. Smith", "U.S.").
  if (word.length === 1 && word === word.toUpperCase()) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) {
    out.push({ text: text.slice(start, end), start, end, paragraph });
  }
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  BREAK_RE.lastIndex = 0;
  for (let m = BREAK_RE.exec(text); m; m = BREAK_RE.exec(text)) {
    const isStop = m[1] !== undefined;
    if (isStop && m[1] === "." && endsWithAbbreviation(text.slice(start, m.index))) continue;
    if (!isStop && m[0] === "\n" && !isLineBreakAfterShortLine(text, m.index)) continue;
    const end = isStop ? m.index + m[1]!.length + (m[2]?.length ?? 0) : m.index;
    pushTrimmed(out, text, start, end, paragraph);
    if (/\n\s*\n/.test(m[0])) paragraph++;
    start = m.index + m[0].length;
  }
  pushTrimmed(out, text, start, text.length, paragraph);
  return out;
}

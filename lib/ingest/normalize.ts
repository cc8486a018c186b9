/**
 * Accent and case folding that keeps string length, so a match found in the folded text has the same
 * offsets in the original text (evidence must slice the original exactly). Keys stored in the database use
 * `foldText` from lib/text/fold, which tokenizes the same way, so both sides agree on what a name is.
 */
import { foldText } from "../text/fold";

const foldCache: (string | undefined)[] = new Array(0x10000);

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const cached = foldCache[code];
  if (cached !== undefined) return cached;
  let out: string;
  if (/[\u2018\u2019\u02bc\u2032`´]/.test(ch)) out = "'";
  else if (/[\u2010-\u2015\u2212]/.test(ch)) out = "-";
  else if (/[\u00a0\u2000-\u200b\u202f]/.test(ch)) out = " ";
  else if (/[«»“”„]/.test(ch)) out = '"';
  else {
    if (code < 128) out = ch.toLowerCase();
    else {
    const base = ch.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
    // Ligatures such as "œ" would grow by one character; keep them rather than break offsets.
    out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    }
  }
  foldCache[code] = out;
  return out;
}

/** Lower case, no diacritics, typographic quotes and dashes made ASCII; same length as the input. */
export function foldKeepLength(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  const parts: string[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) parts[i] = foldChar(text[i]!);
  return parts.join("");
}

/** The matching key of a name: the same folding the database uses for aliases. */
export function nameKey(name: string): string {
  return foldText(name);
}

export interface Token {
  /** Folded token text. */
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Word tokens of an already-folded text, with offsets (apostrophes, hyphens and "°" separate tokens). */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m; m = TOKEN_RE.exec(folded)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** True when the character at `index` of the original text is an upper-case letter or a digit. */
export function isCapitalizedAt(text: string, index: number): boolean {
  const ch = text[index];
  if (!ch) return false;
  return ch !== ch.toLowerCase() || /\d/.test(ch);
}

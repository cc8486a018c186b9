/**
 * A token trie for multi-word names (places, actors): one pass over the tokens of a text finds the
 * longest known phrase starting at each position. Far faster than one big alternation regex and
 * indifferent to accents, case, hyphens and apostrophes ("Fada-N'Gourma" = "Fada N Gourma").
 */
import { foldKeepLength, isCapitalizedAt, tokenize, type Token } from "./normalize";

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: PhraseValue<T>[];
}

interface PhraseValue<T> {
  value: T;
  /** The alias was written capitalized (a proper name or acronym): the text must be too. */
  capitalized: boolean;
  /** The alias was written in upper case (an acronym such as "JNIM", "FAMa"): the text must be too. */
  acronym: boolean;
  /** The letters of the alias as written, for acronyms. */
  form: string;
}

export interface PhraseMatch<T> {
  values: T[];
  start: number;
  end: number;
  /** Index of the first and one past the last token of the match. */
  tokenStart: number;
  tokenEnd: number;
}

export interface PhraseIndex<T> {
  add(phrase: string, value: T): void;
  find(text: string, folded?: string, tokens?: Token[]): PhraseMatch<T>[];
}

function isAcronym(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters.length <= 6 && letters === letters.toUpperCase();
}

function crossesBoundary(folded: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = folded.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 10) return true; // . ! ? newline
  }
  return false;
}

export function createPhraseIndex<T>(): PhraseIndex<T> {
  const root: TrieNode<T> = { next: new Map(), values: [] };

  function add(phrase: string, value: T): void {
    const tokens = tokenize(foldKeepLength(phrase));
    if (tokens.length === 0) return;
    let node = root;
    for (const token of tokens) {
      let child = node.next.get(token.text);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(token.text, child);
      }
      node = child;
    }
    const trimmed = phrase.trim();
    const capitalized = isCapitalizedAt(trimmed, 0);
    const acronym = isAcronym(trimmed);
    const form = trimmed.replace(/[^\p{L}]/gu, "");
    if (!node.values.some((v) => v.value === value)) node.values.push({ value, capitalized, acronym, form });
  }

  function accepts(entry: PhraseValue<T>, text: string, start: number, end: number): boolean {
    if (entry.acronym) {
      const original = text.slice(start, end).replace(/[^\p{L}]/gu, "");
      // "FAN" is Niger's army, "Fan" is not; "FAMa" is written as such or all in capitals.
      return original === entry.form || original === original.toUpperCase();
    }
    return !entry.capitalized || isCapitalizedAt(text, start);
  }

  function find(text: string, folded = foldKeepLength(text), tokens = tokenize(folded)): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode<T> | undefined = root;
      let best: PhraseMatch<T> | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        // A phrase never spans a sentence-ending stop or a line break.
        if (j > i && crossesBoundary(folded, tokens[j - 1]!.end, tokens[j]!.start)) break;
        node = node.next.get(tokens[j]!.text);
        if (node && node.values.length > 0) {
          const start = tokens[i]!.start;
          const end = tokens[j]!.end;
          const values = node.values.filter((v) => accepts(v, text, start, end)).map((v) => v.value);
          if (values.length > 0) best = { values, start, end, tokenStart: i, tokenEnd: j + 1 };
        }
      }
      if (best) {
        matches.push(best);
        i = best.tokenEnd;
      } else {
        i++;
      }
    }
    return matches;
  }

  return { add, find };
}

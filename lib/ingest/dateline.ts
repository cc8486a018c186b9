/**
 * Wire datelines: where a story was filed ("BAMAKO, 3 juin (AFP) -", "Bamako, Mali, 15 juin (Infosplusgabon)
 * -", "APA – Bamako (Mali) –", "Kati, 19 mar (AMAP) ", "OUAGADOUGOU - "). The city of a dateline is never
 * where the event happened, and a line opening with one starts the body. Only each line's head is read:
 * a dateline is a few words long, and reading further would cost the square of a long line of capitals.
 */
import { lookupPlace } from "./gazetteer";

const AGENCIES = "AFP|Reuters|AP|APA|AIB|ANP|AMAP|ATP|Xinhua|Anadolu|MAP|PANA|ANI";
// A place of one to three capitalised words, maybe a country and a date after a comma.
const PLACE = String.raw`\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){0,2}(?:,[^()\n]{0,40})?`;
// The agency in parentheses; or, with a dash after, any publisher or country in parentheses.
const DATELINE = new RegExp(
  String.raw`^\s*(?:(?:${AGENCIES})\s*[-–—]\s*)?${PLACE}\s*(?:\((?:${AGENCIES})\)\s*[-–—:]?|\(\p{Lu}[\p{L}.&'’ -]{1,30}\)\s*[-–—])`,
  "u",
);
// A city and a spaced dash with no agency: only a city in capitals ("OUAGADOUGOU - ") or a capital, since a
// local outlet's "Boni – " opens the story of Boni itself.
const BARE = /^\s*(\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){0,2})(?:,[^()\n–—-]{0,40})?\s+[-–—]\s+(?=\p{Lu})/u;
const CAPITALS = new Set(["bamako", "ouagadougou", "niamey", "nouakchott", "dakar", "abidjan", "abuja", "conakry", "lome", "cotonou", "accra", "n'djamena", "paris", "rabat", "alger", "algiers"]);

/** The length of the dateline opening a line, or 0. */
export function datelineLength(line: string): number {
  const head = line.slice(0, 120);
  const wire = DATELINE.exec(head);
  if (wire) return wire[0].length;
  const bare = BARE.exec(head);
  if (!bare) return 0;
  const city = bare[1]!;
  const capitals = city === city.toUpperCase() || CAPITALS.has(city.toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""));
  return capitals && !lookupPlace(city).some((p) => p.kind === "country") ? bare[0].length : 0;
}

/** The spans of datelines at the head of the text's lines. */
export function datelineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const length = datelineLength(text.slice(start, Math.min(end, start + 120)));
    if (length > 0) spans.push({ start, end: start + length });
    start = end + 1;
  }
  return spans;
}

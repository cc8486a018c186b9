/**
 * Metadata lines at the top of plain-text article files, as saved by our clipping tools:
 * "date 2025-05 <title> - site.com", then a line ending in "Publié le lundi 19 mai 2025". The header is
 * read for title and publication date and then skipped, so it is never mistaken for article text.
 */
import { datelineLength } from "./dateline";
import { findPublicationDate } from "./dates";

export interface ArticleHeader {
  title?: string;
  publishedAt?: string;
  /** Offset of the first character of the body. */
  bodyStart: number;
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+(.+?)\s*$/i;
const SITE_SUFFIX = /\s+[-|–—]\s+[\w.-]+\.[a-z]{2,}\s*$/i;
const PUBLISHED_LINE = /(publi[ée]e? le|mis en ligne le|published(?: on)?|posted(?: on)?)\s*:?\s*[^\n]{4,60}$/i;

function lines(text: string, limit: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length && out.length < limit) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim()) out.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
  return out;
}

// A line that is only a date ("August 27, 2024", "Lundi 20 janvier 2025", "02/07/2025 - 14:05").
const BARE_DATE_LINE = /^\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2})(?:\s*[-–,à|]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:GMT|UTC|am|pm))?)?\s*$/iu;
// "Studio Tamani - 15/11/2023", "RFI | 02/07/2025": a source name, then the date.
const SOURCE_DATE_LINE = /^\s*[\p{L}0-9' .&-]{2,40}?\s+[-–|]\s+(.{6,40})$/u;
// Bylines and credits: "Par Jeune Afrique", "By Reuters staff", "Le Monde avec AFP", "Lecture : 3 minutes".
const BYLINE = /^\s*(?:par|by|de notre correspondant|from our correspondent|avec|with)\b|\b(?:avec|with) (?:AFP|AP|Reuters)\s*$|^\s*(?:lecture|temps de lecture|reading time)\s*:/i;


/** Is this short line a headline (no closing stop) rather than the first sentence of the body? */
function isHeadline(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 160 && !/[.!?…»"]$/.test(t);
}

export function readArticleHeader(text: string): ArticleHeader {
  const header: ArticleHeader = { bodyStart: 0 };
  const first = lines(text, 5);
  let index = 0;
  const dateLine = first[0] ? DATE_LINE.exec(first[0].text.replace(/^\uFEFF/, "")) : null;
  if (dateLine) {
    header.title = dateLine[2]!.replace(SITE_SUFFIX, "").trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateLine[1]!)) header.publishedAt = dateLine[1];
    header.bodyStart = first[0]!.end;
    index = 1;
  }
  // A "Publié le ..." or bare date line among the first lines (after a headline and bylines): its date is
  // the publication date, and it and everything above it is header, never article text.
  for (let k = index; k < Math.min(first.length, index + 4); k++) {
    const line = first[k]!;
    const sourceDate = SOURCE_DATE_LINE.exec(line.text);
    const published =
      PUBLISHED_LINE.test(line.text) || BARE_DATE_LINE.test(line.text)
        ? findPublicationDate(line.text)
        : sourceDate && BARE_DATE_LINE.test(sourceDate[1]!)
          ? findPublicationDate(sourceDate[1]!)
          : undefined;
    if (published) {
      const above = first.slice(index, k);
      // Only a headline and bylines may stand above the date line; a sentence of body text may not.
      if (above.some((l, n) => !(n === 0 ? isHeadline(l.text) : BYLINE.test(l.text) || isHeadline(l.text)))) break;
      header.publishedAt = published;
      header.bodyStart = line.end;
      const headline = above[0]?.text.trim();
      // With a headline above, what precedes "publié le" on its line is a dateline ("Ouagadougou,").
      if (!header.title) header.title = headline ?? (line.text.replace(PUBLISHED_LINE, "").replace(/[,\s]+$/, "").trim() || undefined);
      break;
    }
    if (!(k === index ? isHeadline(line.text) : BYLINE.test(line.text) || isHeadline(line.text))) break;
  }
  // A headline straight above a wire dateline is the title, not a sentence of the story.
  const top = first[index];
  const next = first[index + 1];
  if (header.bodyStart === (index > 0 ? first[index - 1]!.end : 0) && top && next && isHeadline(top.text) && datelineLength(next.text.trimStart()) > 0) {
    header.title ??= top.text.trim();
    header.bodyStart = top.end;
  }
  return header;
}

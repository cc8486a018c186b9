/**
 * Metadata lines at the top of plain-text article files, as saved by our clipping tools:
 * "date 2025-05 <title> - site.com", then a line ending in "Publié le lundi 19 mai 2025". The header is
 * read for title and publication date and then skipped, so it is never mistaken for article text.
 */
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

export function readArticleHeader(text: string): ArticleHeader {
  const header: ArticleHeader = { bodyStart: 0 };
  const first = lines(text, 4);
  let index = 0;
  const dateLine = first[0] ? DATE_LINE.exec(first[0].text.replace(/^\uFEFF/, "")) : null;
  if (dateLine) {
    header.title = dateLine[2]!.replace(SITE_SUFFIX, "").trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateLine[1]!)) header.publishedAt = dateLine[1];
    header.bodyStart = first[0]!.end;
    index = 1;
  }
  // A "Publié le ..." line among the first lines: its date is the publication date, the line is header.
  for (const [k, line] of first.slice(index, index + 2).entries()) {
    if (!PUBLISHED_LINE.test(line.text)) continue;
    const published = findPublicationDate(line.text);
    if (published) {
      header.publishedAt = published;
      header.bodyStart = line.end;
      // The line before "Published ..." is the headline.
      const headline = k === 1 ? first[index]!.text.trim() : undefined;
      if (!header.title) header.title = line.text.replace(PUBLISHED_LINE, "").replace(/[,\s]+$/, "").trim() || headline;
    }
    break;
  }
  return header;
}

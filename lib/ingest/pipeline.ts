/**
 * The extraction pipeline: one article (text, Markdown or HTML) in, its incidents out, each field with
 * the sentence behind it. Deterministic and offline; the same pipeline serves the CLI, the API and the
 * ingest command. Offsets in the evidence index `prepareArticle(input).text`, which is `input.text`
 * itself whenever it is given.
 */
import { assembleIncidents, type ExtractedIncident } from "./assemble";
import { parseFeed as parseFeedXml, type FeedItem } from "./feed";
import { readArticleHeader } from "./header";
import { isCalendarDay } from "@/lib/validation/calendar-day";
import { htmlToText, isoDay } from "./html";
import { detectLanguage, type Language } from "./language";
import { segmentText } from "./segments";

export type { ExtractedIncident, Evidence, IncidentActorOut } from "./assemble";
export type { FeedItem } from "./feed";
export { FeedParseError } from "./feed";
export { readArticleHeader } from "./header";
export type { Language } from "./language";

export interface ArticleInput {
  text: string;
  html?: string;
  title?: string;
  publishedAt?: string;
  language?: Language;
  url?: string;
  /** Country code assumed when the article names none (a feed's hint). */
  countryHint?: string;
}

export interface ExtractResult {
  source: { title: string | null; publishedAt: string | null; language: Language };
  incidents: ExtractedIncident[];
}

export interface PreparedArticle {
  /** The text every evidence offset points into: store this as the source text. */
  text: string;
  title: string | null;
  publishedAt: string | null;
  language: Language;
  bodyStart: number;
}

/** A valid calendar day "YYYY-MM-DD" from a date or date-time string, else null. */
export function normalizePublishedAt(value: string | undefined | null): string | null {
  const day = isoDay(value ?? undefined);
  return day && isCalendarDay(day) ? day : null;
}

/** Resolves text, title, date and language from what the caller gave and what the article says. */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const fromHtml = !input.text && input.html ? htmlToText(input.html) : input.html ? { ...htmlToText(input.html), text: input.text } : undefined;
  const text = typeof input.text === "string" && input.text ? input.text : (fromHtml?.text ?? "");
  const header = readArticleHeader(text);
  const body = text.slice(header.bodyStart);
  return {
    text,
    title: input.title?.trim() || fromHtml?.title || header.title || null,
    publishedAt: normalizePublishedAt(input.publishedAt) ?? normalizePublishedAt(fromHtml?.publishedAt) ?? normalizePublishedAt(header.publishedAt),
    language: input.language ?? detectLanguage(body || input.title || ""),
    bodyStart: header.bodyStart,
  };
}

/**
 * The incidents of an article's text, a segment at a time when it is long (see segments.ts); evidence
 * offsets are moved back into the whole text.
 */
function assembleSegments(article: PreparedArticle, countryHint?: string): ExtractedIncident[] {
  const options = { language: article.language, publishedAt: article.publishedAt, countryHint };
  const segments = segmentText(article.text);
  if (segments.length === 1) return assembleIncidents(article.text, { ...options, bodyStart: article.bodyStart });
  return segments.flatMap(({ start, end }) =>
    assembleIncidents(article.text.slice(start, end), { ...options, bodyStart: Math.max(0, article.bodyStart - start) }).map((incident) => ({
      ...incident,
      evidence: incident.evidence.map((e) => ({ ...e, start: e.start + start, end: e.end + start })),
    })),
  );
}

/** Extracts the incidents of one article. Never throws on odd text: empty text gives no incidents. */
export function extractArticle(input: ArticleInput): ExtractResult {
  const article = prepareArticle(input);
  let incidents: ExtractedIncident[] = [];
  if (article.text.trim()) {
    try {
      incidents = assembleSegments(article, input.countryHint);
    } catch {
      // A bug on one strange article must not stop a feed or a batch; the article keeps no incidents.
      incidents = [];
    }
  }
  return {
    source: { title: article.title, publishedAt: article.publishedAt, language: article.language },
    incidents,
  };
}

/** Items of an RSS 2.0 or Atom feed; throws FeedParseError on malformed XML. */
export function parseFeed(xml: string): FeedItem[] {
  return parseFeedXml(xml);
}

/**
 * The one entry point for every ingestion interface (API, upload, CLI): validates the input, turns HTML
 * into text, runs the extraction pipeline and stores the result. Feeds become one source per item, stored
 * in batches (lib/ingest/store.ts).
 */
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError, zodMessage } from "@/lib/errors/app-error";
import { refreshLearnedGazetteer } from "@/lib/places/learned";
import { FeedParseError, parseFeed } from "./feed";
import { fetchFeed } from "./fetch-feed";
import { htmlToText } from "./html";
import { calendarDay } from "@/lib/validation/calendar-day";
import { extractArticle } from "./pipeline";
import { storeExtraction, storeExtractions, type ExtractionToStore, type IngestResult, type StoreOutcome } from "./store";

export { MAX_INGEST_BYTES } from "./limits";

const isoDay = calendarDay;

export const articleInputSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000).optional(),
    title: z.string().trim().max(500).optional(),
    publisher: z.string().trim().max(200).optional(),
    publishedAt: isoDay.optional(),
    language: z.enum(["fr", "en"], { message: "must be fr or en" }).optional(),
  })
  .strict()
  .refine((input) => input.text !== undefined || input.html !== undefined, { message: "give the article as text or html" });

export type ArticleInput = z.infer<typeof articleInputSchema>;

export function parseArticleInput(value: unknown): ArticleInput {
  const parsed = articleInputSchema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
  return parsed.data;
}

/** Text that is mostly control characters (or has NUL bytes) is a binary file, not an article. */
export function assertReadableText(text: string, what = "The text"): void {
  if (text.includes("\u0000") || text.includes("\uFFFD")) throw new AppError("bad_request", `${what} looks like a binary file, not text`);
  const control = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (control > Math.max(8, text.length * 0.01)) throw new AppError("bad_request", `${what} looks like a binary file, not text`);
  if (!text.trim()) throw new AppError("bad_request", `${what} is empty`);
}

export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/^\uFEFF/, "").trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/**
 * Articles written per transaction: large enough that per-statement costs (round trips, the rollup
 * triggers) are paid once per hundred articles, small enough that a long feed commits as it goes.
 */
export const STORE_BATCH_SIZE = 100;

/** Extraction without storage: what the ingest page previews and the extract CLI prints. */
export function prepareIngest(input: ArticleInput, hints: { countryHint?: string } = {}): ExtractionToStore {
  let text = input.text ?? "";
  let title = input.title;
  let publishedAt = input.publishedAt;
  if (input.html !== undefined) {
    const doc = htmlToText(input.html);
    text = doc.text;
    title ??= doc.title;
    publishedAt ??= doc.publishedAt;
  }
  text = text.replace(/\r\n?/g, "\n");
  assertReadableText(text);
  const extraction = extractArticle({ text, title, publishedAt, language: input.language, url: input.url, countryHint: hints.countryHint });
  return { text, extraction, meta: { url: input.url, title, publisher: input.publisher } };
}

/**
 * Brings the places analysts taught into the extractor's gazetteer before extracting (a short-lived check,
 * lib/places/learned.ts). The prepare* functions are synchronous: callers that use them directly (the
 * preview, the CLI) call this first.
 */
export async function loadLearnedPlaces(): Promise<void> {
  await refreshLearnedGazetteer();
}

export async function ingestArticle(input: ArticleInput, user: SessionUser | null): Promise<IngestResult> {
  await loadLearnedPlaces();
  const prepared = prepareIngest(input);
  return storeExtraction(prepared.text, prepared.extraction, prepared.meta, user);
}

/** Every item of an RSS or Atom feed, extracted; a malformed or empty feed is a 400. */
export function prepareFeed(xml: string): ExtractionToStore[] {
  let items;
  try {
    items = parseFeed(xml);
  } catch (error) {
    if (error instanceof FeedParseError) throw new AppError("bad_request", `Malformed feed: ${error.message}`);
    throw error;
  }
  if (!items.length) throw new AppError("bad_request", "The feed has no items");
  return items
    .filter((item) => item.text.trim())
    .map((item) => prepareIngest({ text: item.text, url: item.url, title: item.title, publishedAt: validDay(item.publishedAt) }));
}

/** A whole uploaded document, extracted: each item of a feed, or the one article of an HTML page or text. */
export function prepareDocument(content: string, fileName: string | undefined): ExtractionToStore[] {
  assertReadableText(content, fileName ? `The file ${fileName}` : "The upload");
  if (looksLikeFeed(content)) return prepareFeed(content);
  const isHtml = /\.html?$/i.test(fileName ?? "") || /^\s*(<!doctype html|<html)/i.test(content);
  return [prepareIngest(isHtml ? { html: content } : { text: content })];
}

/** Stores extracted articles in batches of STORE_BATCH_SIZE, each batch one transaction. */
export async function storePrepared(prepared: ExtractionToStore[], user: SessionUser | null): Promise<StoreOutcome[]> {
  const outcomes: StoreOutcome[] = [];
  for (let start = 0; start < prepared.length; start += STORE_BATCH_SIZE) {
    outcomes.push(...(await storeExtractions(prepared.slice(start, start + STORE_BATCH_SIZE), user)));
  }
  return outcomes;
}

/**
 * Stores every article, then fails with the first refused one if any was: one bad item does not lose the
 * others, and a malformed feed (refused by prepareFeed) stores nothing at all.
 */
async function storeAll(prepared: ExtractionToStore[], user: SessionUser | null): Promise<IngestResult[]> {
  const outcomes = await storePrepared(prepared, user);
  const failed = outcomes.find((outcome) => !outcome.ok);
  if (failed && !failed.ok) throw failed.error;
  return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
}

/** Every item of an RSS or Atom feed as its own source. */
export async function ingestFeed(xml: string, user: SessionUser | null): Promise<IngestResult[]> {
  await loadLearnedPlaces();
  return storeAll(prepareFeed(xml), user);
}

function validDay(value: string | undefined): string | undefined {
  return value && isoDay.safeParse(value).success ? value : undefined;
}

/** Follows a feed by URL: every item becomes a source, as with an uploaded feed. */
export async function ingestFeedUrl(url: string, user: SessionUser | null): Promise<IngestResult[]> {
  return ingestFeed(await fetchFeed(url), user);
}

/** A whole uploaded document: a feed, an HTML page, or plain text / Markdown. */
export async function ingestDocument(content: string, fileName: string | undefined, user: SessionUser | null): Promise<IngestResult[]> {
  await loadLearnedPlaces();
  return storeAll(prepareDocument(content, fileName), user);
}

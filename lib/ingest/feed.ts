/**
 * RSS 2.0 and Atom feeds to items, each of which becomes one source. Malformed XML is refused with a
 * typed error so the API layer can answer 400 instead of storing half a feed.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { httpLink } from "@/lib/net/http-link";
import { htmlToText, isoDay } from "./html";

export interface FeedItem {
  title?: string;
  /** The item's link, only when it is an absolute http(s) URL: a `javascript:` link is dropped here. */
  url?: string;
  /** The feed's own identifier of the item (RSS guid, Atom id), as given. */
  guid?: string;
  publishedAt?: string;
  /** Plain text of the item (description or content, HTML stripped). */
  text: string;
  /** The item's HTML body when the feed carries one. */
  html?: string;
}

export class FeedParseError extends Error {
  readonly code = "FEED_PARSE_ERROR";
  constructor(message: string) {
    super(message);
    this.name = "FeedParseError";
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || typeof value === "number") return String(value).trim() || undefined;
  if (Array.isArray(value)) return asText(value[0]);
  if (typeof value === "object") return asText((value as Record<string, unknown>)["#text"]);
  return undefined;
}

/** Dates in feeds are RFC 822 (RSS) or RFC 3339 (Atom); both parse with Date, as UTC days. */
function feedDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = isoDay(value);
  if (iso) return iso;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether an item body carries markup: a tag opening ("<p", "<a") with a ">" somewhere after it. Written
 * as two searches, not `/<[a-z][\s\S]*>/i`, which retries from every "<a" of a body without ">" and costs
 * the square of its length.
 */
function hasMarkup(raw: string): boolean {
  const open = /<[a-z]/i.exec(raw);
  return open !== null && raw.indexOf(">", open.index + 2) >= 0;
}

function bodyOf(raw: string | undefined): Pick<FeedItem, "text" | "html"> {
  if (!raw) return { text: "" };
  if (!hasMarkup(raw)) return { text: raw };
  return { text: htmlToText(raw).text, html: raw };
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return asText(links);
  const parsed = links as Array<Record<string, string> | string>;
  const alternate = parsed.find((l) => typeof l === "object" && (!l["@rel"] || l["@rel"] === "alternate"));
  const first = alternate ?? parsed[0];
  return typeof first === "string" ? first : first?.["@href"];
}

export function parseFeed(xml: string): FeedItem[] {
  return parseFeedDocument(xml).items;
}

/** The feed's title and its items. */
export function parseFeedDocument(xml: string): { title?: string; items: FeedItem[] } {
  if (typeof xml !== "string" || xml.trim() === "") throw new FeedParseError("The feed is empty.");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedParseError(`Malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (error) {
    // The validator lets some broken markup through (e.g. "<!D" inside an element) that the parser refuses.
    throw new FeedParseError(`Malformed XML: ${(error as Error).message}`);
  }
  if (doc.rss || doc["rdf:RDF"]) {
    const channel = doc.rss?.channel ?? doc["rdf:RDF"];
    const items: any[] = (doc.rss ? channel?.item : doc["rdf:RDF"].item) ?? [];
    const rssItem = (item: any): FeedItem => ({
      title: asText(item.title),
      url: httpLink(asText(item.link)) ?? httpLink(asText(item.guid)),
      guid: asText(item.guid),
      publishedAt: feedDay(asText(item.pubDate) ?? asText(item["dc:date"])),
      ...bodyOf(asText(item["content:encoded"]) ?? asText(item.description)),
    });
    return { title: asText(channel?.title) ?? asText(channel?.channel?.title), items: items.map(rssItem) };
  }
  if (doc.feed) {
    const entries: any[] = doc.feed.entry ?? [];
    const atomEntry = (entry: any): FeedItem => ({
      title: asText(entry.title),
      url: httpLink(atomLink(entry.link)),
      guid: asText(entry.id),
      publishedAt: feedDay(asText(entry.published) ?? asText(entry.updated)),
      ...bodyOf(asText(entry.content) ?? asText(entry.summary)),
    });
    return { title: asText(doc.feed.title), items: entries.map(atomEntry) };
  }
  throw new FeedParseError("Not an RSS 2.0 or Atom feed (no <rss>, <rdf:RDF> or <feed> root).");
}

/**
 * HTML to plain text for extraction: drops scripts, styles and page chrome, turns block elements into
 * paragraph breaks, decodes entities, and reads the title and publication date when the page gives them.
 */

export interface HtmlDocument {
  text: string;
  title?: string;
  publishedAt?: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", laquo: "«", raquo: "»", rsquo: "’",
  lsquo: "‘", ldquo: "“", rdquo: "”", hellip: "…", ndash: "–", mdash: "—", eacute: "é", egrave: "è",
  ecirc: "ê", euml: "ë", agrave: "à", acirc: "â", ccedil: "ç", icirc: "î", iuml: "ï", ocirc: "ô",
  ucirc: "û", ugrave: "ù", oelig: "œ", Eacute: "É", Egrave: "È", Agrave: "À", Ccedil: "Ç", deg: "°",
  euro: "€", copy: "©", middot: "·", bull: "•",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const DROP_ELEMENTS = /<(script|style|noscript|template|svg|iframe|nav|footer|form|button|select|aside|figure)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAGS = /<\/?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|blockquote|pre|hr|dd|dt|main)\b[^>]*>/gi;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? "").trim() : undefined;
}

function metaContent(html: string, keys: string[]): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = (attribute(tag, "property") ?? attribute(tag, "name") ?? attribute(tag, "itemprop") ?? "").toLowerCase();
    if (keys.includes(key)) {
      const content = attribute(tag, "content");
      if (content) return content;
    }
  }
  return undefined;
}

/** An ISO day from a machine-readable date ("2025-05-19T08:00:00Z", "2025-05-19"), else undefined. */
export function isoDay(value: string | undefined): string | undefined {
  const m = value ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

export function htmlToText(html: string): HtmlDocument {
  const title =
    metaContent(html, ["og:title", "twitter:title"]) ??
    (/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] !== undefined
      ? stripTags(/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)![1]!)
      : undefined) ??
    (/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] !== undefined ? stripTags(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)![1]!) : undefined);

  const timeTag = /<time\b[^>]*\bdatetime\s*=[^>]*>/i.exec(html)?.[0];
  const publishedAt =
    isoDay(metaContent(html, ["article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate", "publishdate"])) ??
    isoDay(timeTag ? attribute(timeTag, "datetime") : undefined);

  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const text = decodeEntities(
    body
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(DROP_ELEMENTS, " ")
      .replace(/<head\b[\s\S]*?<\/head>/gi, " ")
      .replace(BLOCK_TAGS, "\n\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t\r\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

  return { text, title: title || undefined, publishedAt };
}

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

// Elements whose content is never article text, and block elements that end a paragraph.
const DROP_ELEMENTS = ["script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "form", "button", "select", "aside", "figure"];
const BLOCK_TAGS = new Set(["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article", "header", "blockquote", "pre", "hr", "dd", "dt", "main"]);

/*
 * Markup is read with scanners rather than patterns such as `<[^>]*>` or `<script[\s\S]*?<\/script>`:
 * on a page of unclosed tags (128,000 "<" without ">") each of those retries from every "<" and costs the
 * square of the page. Here a missing ">" or closing tag is noticed once: nothing after it can match either.
 * The scanners compare tag names in ASCII lower case, as the /i patterns they replace did.
 */

/** Lower-cases A-Z only, so offsets stay those of the original (toLowerCase can change the length). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The word (letters, digits, underscore) starting at `index`. */
function wordAt(lower: string, index: number): string {
  let end = index;
  while (end < lower.length && isWordChar(lower.charCodeAt(end))) end++;
  return lower.slice(index, end);
}

/** `<name` followed by a non-word character (or the end) at `index`. */
function opensTag(lower: string, index: number, name: string): boolean {
  return lower.startsWith(name, index + 1) && lower.charCodeAt(index) === 60 && !isWordChar(lower.charCodeAt(index + 1 + name.length));
}

/** Where each `<name ...>` open tag starts and ends: what `/<name\b[^>]*>/gi` matches. */
function openTags(lower: string, name: string): { start: number; end: number }[] {
  const tags: { start: number; end: number }[] = [];
  for (let at = lower.indexOf(`<${name}`); at >= 0; at = lower.indexOf(`<${name}`, at + 1)) {
    if (!opensTag(lower, at, name)) continue;
    const close = lower.indexOf(">", at);
    if (close < 0) break;
    tags.push({ start: at, end: close + 1 });
    at = close;
  }
  return tags;
}

/** The content of the first `<name ...>...</name>`: what `/<name\b[^>]*>([\s\S]*?)<\/name>/i` captures. */
function firstElementContent(html: string, lower: string, name: string): string | undefined {
  let at = lower.indexOf(`<${name}`);
  while (at >= 0 && !opensTag(lower, at, name)) at = lower.indexOf(`<${name}`, at + 1);
  if (at < 0) return undefined;
  const open = lower.indexOf(">", at);
  if (open < 0) return undefined;
  // A later open tag ends later, so if this one has no closing tag after it, none has.
  const close = lower.indexOf(`</${name}>`, open + 1);
  return close < 0 ? undefined : html.slice(open + 1, close);
}

/** `text.replace(/<[^>]*>/g, replacement)`: everything from a "<" to the next ">" goes. */
function replaceTags(text: string, replacement: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", from)) {
    const close = text.indexOf(">", at);
    if (close < 0) break;
    parts.push(text.slice(from, at), replacement);
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** `text.replace(/<!--[\s\S]*?-->/g, " ")`. */
function dropComments(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf("<!--"); at >= 0; at = text.indexOf("<!--", from)) {
    const close = text.indexOf("-->", at + 4);
    if (close < 0) break;
    parts.push(text.slice(from, at), " ");
    from = close + 3;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/**
 * Drops each element named in `names` with its content, up to the first closing tag of the same name
 * (`</name>`, or `</name  >` when `spacedClose`): what `/<(names)\b[\s\S]*?<\/\1\s*>/gi` did.
 */
function dropElements(text: string, names: string[], spacedClose: boolean): string {
  const lower = asciiLower(text);
  const wanted = new Set(names);
  // Per name, the first closing tag at or after `from` (-1: none left), so each is searched for once.
  const closes = new Map<string, { from: number; at: number; end: number }>();
  const closingTag = (name: string, from: number) => {
    const cached = closes.get(name);
    if (cached && (cached.at < 0 || cached.at >= from) && cached.from <= from) return cached;
    let at = lower.indexOf(`</${name}`, from);
    let end = -1;
    for (; at >= 0; at = lower.indexOf(`</${name}`, at + 1)) {
      let k = at + 2 + name.length;
      if (spacedClose) while (k < lower.length && /\s/.test(lower[k]!)) k++;
      if (lower[k] === ">") {
        end = k + 1;
        break;
      }
    }
    const found = { from, at, end };
    closes.set(name, found);
    return found;
  };
  const parts: string[] = [];
  let from = 0;
  for (let at = lower.indexOf("<"); at >= 0; at = lower.indexOf("<", at + 1)) {
    if (at < from) continue;
    const name = wordAt(lower, at + 1);
    if (!wanted.has(name)) continue;
    const close = closingTag(name, at + 1 + name.length);
    if (close.at < 0) continue;
    parts.push(text.slice(from, at), " ");
    from = close.end;
    at = from - 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** `text.replace(BLOCK_TAGS, "\n\n")` for open and closing block tags, attributes included. */
function breakAtBlockTags(text: string): string {
  const lower = asciiLower(text);
  const parts: string[] = [];
  let from = 0;
  for (let at = lower.indexOf("<"); at >= 0; at = lower.indexOf("<", from > at ? from : at + 1)) {
    const nameAt = lower[at + 1] === "/" ? at + 2 : at + 1;
    if (!BLOCK_TAGS.has(wordAt(lower, nameAt))) continue;
    const close = lower.indexOf(">", at);
    if (close < 0) break;
    parts.push(text.slice(from, at), "\n\n");
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? "").trim() : undefined;
}

function metaContent(html: string, lower: string, keys: string[]): string | undefined {
  for (const { start, end } of openTags(lower, "meta")) {
    const tag = html.slice(start, end);
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
  return decodeEntities(replaceTags(html, " ")).replace(/\s+/g, " ").trim();
}

/** The `<time datetime=...>` tag: the first `<time ...>` whose attributes name a datetime. */
function timeTag(html: string, lower: string): string | undefined {
  for (const { start, end } of openTags(lower, "time")) {
    const tag = html.slice(start, end);
    if (/\bdatetime\s*=/i.test(tag)) return tag;
  }
  return undefined;
}

/** What lies between `<body ...>` and the last `</body>`, or the whole page. */
function bodyOf(html: string, lower: string): string {
  const open = openTags(lower, "body")[0];
  if (open === undefined) return html;
  const end = lower.lastIndexOf("</body>");
  return end >= open.end ? html.slice(open.end, end) : html;
}

export function htmlToText(html: string): HtmlDocument {
  const lower = asciiLower(html);
  const titleContent = firstElementContent(html, lower, "title");
  const h1Content = firstElementContent(html, lower, "h1");
  const title =
    metaContent(html, lower, ["og:title", "twitter:title"]) ??
    (titleContent !== undefined ? stripTags(titleContent) : undefined) ??
    (h1Content !== undefined ? stripTags(h1Content) : undefined);

  const time = timeTag(html, lower);
  const publishedAt =
    isoDay(metaContent(html, lower, ["article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate", "publishdate"])) ??
    isoDay(time ? attribute(time, "datetime") : undefined);

  const body = bodyOf(html, lower);
  const text = decodeEntities(replaceTags(breakAtBlockTags(dropElements(dropElements(dropComments(body), DROP_ELEMENTS, true), ["head"], false)), ""))
    .replace(/[ \t\r\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

  return { text, title: title || undefined, publishedAt };
}

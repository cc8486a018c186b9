/**
 * A real local HTTP server serving RSS feeds whose items the test changes between polls, with ETag and
 * Last-Modified validators (so a repeated poll gets 304), and paths that fail in each way a site can.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const TOWNS = ["Djibo", "Boni", "Ménaka", "Tillabéri", "Gao", "Kidal", "Dori", "Mopti", "Ségou", "Diffa", "Ansongo", "Kaya"];
const COUNTRY: Record<string, string> = {
  Djibo: "au Burkina Faso", Boni: "au Mali", Ménaka: "au Mali", Tillabéri: "au Niger", Gao: "au Mali", Kidal: "au Mali",
  Dori: "au Burkina Faso", Mopti: "au Mali", Ségou: "au Mali", Diffa: "au Niger", Ansongo: "au Mali", Kaya: "au Burkina Faso",
};

export type TestItem = { guid: string; title: string; link: string; text: string; pubDate: string };

/** The n-th article: a distinct attack (town, day) that extraction turns into one incident. */
export function article(n: number, prefix = "item"): TestItem {
  const town = TOWNS[n % TOWNS.length]!;
  const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
  const french = day.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return {
    guid: `${prefix}-${n}`,
    title: `Attaque à ${town} (${prefix} ${n})`,
    link: `https://news.example.org/${prefix}/${n}`,
    text: `Le ${french}, des hommes armés ont attaqué un poste de gendarmerie à ${town}, ${COUNTRY[town]}. ${(n % 9) + 2} gendarmes ont été tués.`,
    pubDate: day.toUTCString(),
  };
}

export function rss(title: string, items: TestItem[]): string {
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(title)}</title>${items
    .map((item) => `<item><title>${escape(item.title)}</title><link>${escape(item.link)}</link><guid>${escape(item.guid)}</guid><pubDate>${item.pubDate}</pubDate><description>${escape(item.text)}</description></item>`)
    .join("")}</channel></rss>`;
}

export type FeedServer = {
  base: string;
  port: number;
  /** Items of each feed path, changed by the test between polls. */
  feeds: Map<string, TestItem[]>;
  /** Every request: path and the validators it sent. */
  requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }[];
  close: () => Promise<void>;
};

export async function startFeedServer(listenPort = 0): Promise<FeedServer> {
  const feeds = new Map<string, TestItem[]>();
  const requests: FeedServer["requests"] = [];
  const hanging = new Set<IncomingMessage>();
  let port = 0;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    requests.push({ path, ifNoneMatch: request.headers["if-none-match"], ifModifiedSince: request.headers["if-modified-since"], userAgent: request.headers["user-agent"] });
    if (path === "/error") return void response.writeHead(500).end("boom");
    if (path === "/busy") return void response.writeHead(429, { "retry-after": "7200" }).end();
    if (path === "/unavailable") return void response.writeHead(503, { "retry-after": "600" }).end();
    if (path === "/hang") {
      hanging.add(request);
      return; // never answers
    }
    if (path === "/hang-body") {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.write("<?xml version=\"1.0\"?><rss><channel><title>Half");
      return;
    }
    if (path === "/moved") return void response.writeHead(301, { location: `http://localhost:${port}/feed/moved-target` }).end();
    if (path === "/to-private") return void response.writeHead(302, { location: `http://127.0.0.1:${port}/feed/a` }).end();
    const items = feeds.get(path);
    if (!items) return void response.writeHead(404).end();
    const body = rss(`Feed ${path}`, items);
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    if (request.headers["if-none-match"] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag, "last-modified": new Date(0).toUTCString() }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "::", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    base: `http://localhost:${port}`,
    port,
    feeds,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { createServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/sources/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { query, resetDatabase } from "../db";

const FEED = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel</title>
  <entry><title>Attaque à Djibo</title><link href="https://example.org/djibo"/><updated>2025-04-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Le 1er avril 2025, des jihadistes ont attaqué un détachement militaire à Djibo, au Burkina Faso. Dix soldats ont été tués.&lt;/p&gt;</content></entry>
</feed>`;

const JS_LINK_FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Piège</title>
  <item><title>Lien piégé</title><link>javascript:alert(document.cookie)</link><guid>javascript:alert(1)</guid>
    <description>Le 3 avril 2025, des hommes armés ont attaqué le village de Boni, au Mali. Trois civils ont été tués.</description></item>
</channel></rss>`;

let server: Server;
let base: string;
let port: number;
let token: string;
const requested: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  const user = await createUser({ email: "feeds@example.org", password: "feeds-password-1", role: "analyst" });
  token = (await createApiToken(user.id, "feeds")).token;
  server = createServer((request, response) => {
    requested.push(request.url ?? "");
    if (request.url === "/secret") return void response.writeHead(200).end("internal-admin-panel");
    if (request.url === "/js-link.xml") return void response.writeHead(200, { "content-type": "application/rss+xml" }).end(JS_LINK_FEED);
    if (request.url === "/stall.xml") {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.write("<?xml version=\"1.0\"?><rss><channel><item><title>");
      return; // the rest never comes
    }
    if (request.url === "/feed.xml") return void response.writeHead(200, { "content-type": "application/atom+xml" }).end(FEED);
    if (request.url === "/huge.xml") {
      response.writeHead(200, { "content-type": "application/xml" });
      const chunk = "x".repeat(64 * 1024);
      const push = () => {
        while (response.write(chunk)) if (response.writableLength > 8 * 1024 * 1024) break;
      };
      push();
      response.on("drain", push);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  // The operator's opt-in for this one local feed server (the SSRF rules refuse loopback otherwise).
  process.env.FEED_ALLOWED_HOSTS = `127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.FEED_ALLOWED_HOSTS;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const ingest = (body: unknown) =>
  POST(new Request("http://localhost/api/sources", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }));

describe("POST /api/sources with a feed URL", () => {
  it("fetches the feed and stores each entry as a source", async () => {
    const response = await ingest({ feedUrl: `${base}/feed.xml` });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { results: { source: { url: string }; incidents: unknown[] }[] };
    expect(body.results).toHaveLength(1);
    expect(body.results[0]!.source.url).toBe("https://example.org/djibo");
    expect(body.results[0]!.incidents.length).toBeGreaterThan(0);
    expect((await ingest({ feedUrl: `${base}/feed.xml` })).status).toBe(200);
  });

  it("refuses unreachable, failing, non-http and oversized feeds with a clear 4xx", async () => {
    const before = await query<{ n: string }>(`SELECT count(*) AS n FROM source`);
    // A loopback port where nothing listens (allowed like the feed server, so the refusal is the network's).
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    process.env.FEED_ALLOWED_HOSTS = `127.0.0.1:${port} 127.0.0.1:${closedPort}`;
    const cases: [unknown, number, RegExp][] = [
      [{ feedUrl: `${base}/missing.xml` }, 400, /HTTP 404/],
      [{ feedUrl: `http://127.0.0.1:${closedPort}/feed.xml` }, 400, /could not be reached/],
      [{ feedUrl: "http://vigie-no-such-host.invalid/feed.xml" }, 400, /vigie-no-such-host\.invalid could not be found/],
      [{ feedUrl: "file:///etc/passwd" }, 400, /http\(s\)/],
      [{ feedUrl: "not a url" }, 400, /valid URL/],
      [{ feedUrl: `${base}/feed.xml`, text: "x" }, 400, /alone/],
      [{ feedUrl: `${base}/huge.xml` }, 413, /larger/],
    ];
    for (const [body, status, message] of cases) {
      const response = await ingest(body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    expect(await query<{ n: string }>(`SELECT count(*) AS n FROM source`)).toEqual(before);
  });
});

describe("POST /api/sources refuses to fetch internal addresses (SSRF)", () => {
  it("refuses every internal spelling with a 400 that does not reveal what answered, and never connects", async () => {
    requested.length = 0;
    delete process.env.FEED_ALLOWED_HOSTS;
    const forms = [
      `http://localhost:${port}/secret`,
      `http://[::1]:${port}/secret`,
      `http://[::ffff:127.0.0.1]:${port}/secret`,
      `http://0.0.0.0:${port}/secret`,
      `http://2130706433:${port}/secret`,
      `http://127.1:${port}/secret`,
      `http://0x7f000001:${port}/secret`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.8/",
      "http://192.168.0.1/",
    ];
    for (const feedUrl of forms) {
      const response = await ingest({ feedUrl });
      expect(response.status, feedUrl).toBe(400);
      const { message } = (await response.json()) as { message: string };
      expect(message, feedUrl).toMatch(/^feedUrl: refused: .* address$/);
      expect(message).not.toContain("internal-admin-panel");
    }
    expect(requested).toEqual([]);
    process.env.FEED_ALLOWED_HOSTS = `127.0.0.1:${port}`;
  });

  it("refuses a redirect from the allowed host to an address it does not name", async () => {
    requested.length = 0;
    const redirector = createServer((request, response) => {
      response.writeHead(302, { location: `http://localhost:${port}/secret` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    const redirectorPort = (redirector.address() as AddressInfo).port;
    process.env.FEED_ALLOWED_HOSTS = `127.0.0.1:${port} 127.0.0.1:${redirectorPort}`;
    try {
      const response = await ingest({ feedUrl: `http://127.0.0.1:${redirectorPort}/feed.xml` });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/refused: localhost is a loopback address/);
      expect(requested).toEqual([]);
    } finally {
      process.env.FEED_ALLOWED_HOSTS = `127.0.0.1:${port}`;
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });
});

describe("POST /api/sources with a hostile or broken feed", () => {
  it("stores an item whose link is javascript: without that link", async () => {
    const response = await ingest({ feedUrl: `${base}/js-link.xml` });
    expect(response.status).toBe(201);
    const rows = await query<{ url: string | null }>(`SELECT url FROM source WHERE title = 'Lien piégé'`);
    expect(rows).toEqual([{ url: null }]);
  });

  it("answers a feed that stops half way through its body with a 400 saying it timed out, not a 500", async () => {
    const response = await ingest({ feedUrl: `${base}/stall.xml` });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/did not answer in time/);
  });
});

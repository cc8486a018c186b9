import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/sources/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { fetchFeed } from "@/lib/ingest/fetch-feed";
import { query, resetDatabase } from "../db";

const FEED = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel</title>
  <entry><title>Attaque à Djibo</title><link href="https://example.org/djibo"/><updated>2025-04-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Le 1er avril 2025, des jihadistes ont attaqué un détachement militaire à Djibo, au Burkina Faso. Dix soldats ont été tués.&lt;/p&gt;</content></entry>
</feed>`;

let server: Server;
let base: string;
let token: string;
/** A loopback port where nothing listens: connections to it are refused. */
let closedPort: number;

beforeAll(async () => {
  await resetDatabase();
  const user = await createUser({ email: "feeds@example.org", password: "feeds-password-1", role: "analyst" });
  token = (await createApiToken(user.id, "feeds")).token;
  server = createServer((request, response) => {
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
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
    const cases: [unknown, number, RegExp][] = [
      [{ feedUrl: `${base}/missing.xml` }, 400, /HTTP 404/],
      [{ feedUrl: `http://127.0.0.1:${closedPort}/feed.xml` }, 400, new RegExp(`feed at 127\\.0\\.0\\.1:${closedPort} could not be fetched: it could not be reached`)],
      [{ feedUrl: "http://vigie-no-such-host.invalid/feed.xml" }, 400, /feed at vigie-no-such-host\.invalid could not be fetched: it could not be reached/],
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

  it("gives up on a host that accepts the connection but never answers, saying so", async () => {
    const sockets = new Set<Socket>();
    const silent = createTcpServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      await expect(fetchFeed(`http://127.0.0.1:${port}/feed.xml`, { timeoutMs: 500 })).rejects.toMatchObject({
        code: "bad_request",
        message: `The feed at 127.0.0.1:${port} could not be fetched: it did not answer in time`,
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

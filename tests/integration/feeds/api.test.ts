/** The feeds API through its route handlers, with real sessions and a real local feed server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/feeds/route";
import { DELETE, PATCH } from "@/app/api/feeds/[id]/route";
import { GET as ARRIVALS } from "@/app/api/incidents/arrivals/route";
import { GET as INCIDENTS } from "@/app/api/incidents/route";
import { GET as EXPORT } from "@/app/api/incidents/export/route";
import { markIncidentsSeen } from "@/lib/incidents/arrivals";
import { pollFeed } from "@/lib/feeds/poll";
import { query, resetDatabase } from "../db";
import { signedInUser, withToken, type Caller } from "../session";
import { article, startFeedServer, type FeedServer } from "./feed-server";

let server: FeedServer;
let analyst: Caller;
let viewer: Caller;

beforeAll(async () => {
  server = await startFeedServer();
  process.env.FEED_ALLOWED_HOSTS = `localhost:${server.port}`;
});
afterAll(async () => {
  delete process.env.FEED_ALLOWED_HOSTS;
  await server.close();
});
beforeEach(async () => {
  await resetDatabase();
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

const json = (caller: Caller, method: string, body: unknown) =>
  withToken(caller.token, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const create = (caller: Caller, body: unknown) => POST(new Request("http://localhost/api/feeds", json(caller, "POST", body)));
const patch = (caller: Caller, id: number | string, body: unknown) =>
  PATCH(new Request(`http://localhost/api/feeds/${id}`, json(caller, "PATCH", body)), { params: Promise.resolve({ id: String(id) }) });

describe("POST /api/feeds", () => {
  it("fetches the feed once, stores it with its title and defaults, due for polling now", async () => {
    server.feeds.set("/feed/sahel", [article(0)]);
    const response = await create(analyst, { url: `${server.base}/feed/sahel` });
    expect(response.status).toBe(201);
    const { feed } = (await response.json()) as { feed: { id: number; title: string; intervalMinutes: number; paused: boolean; nextPollAt: string } };
    expect(feed).toMatchObject({ title: "Feed /feed/sahel", intervalMinutes: 15, paused: false });
    expect(Date.parse(feed.nextPollAt)).toBeLessThanOrEqual(Date.now());
    expect(server.requests.filter((r) => r.path === "/feed/sahel")).toHaveLength(1);
    expect((await create(analyst, { url: `${server.base}/feed/sahel` })).status).toBe(409);
  });

  it("answers 400 naming the field, and stores nothing, for bad input or a URL that is not a feed", async () => {
    server.feeds.set("/feed/ok", [article(1)]);
    const cases: [unknown, RegExp][] = [
      [{}, /^url: is required/],
      [{ url: `${server.base}/feed/ok`, intervalMinutes: 0 }, /^intervalMinutes: must be at least 1 minute/],
      [{ url: `${server.base}/feed/ok`, intervalMinutes: 2.5 }, /^intervalMinutes: must be a whole number/],
      [{ url: `${server.base}/feed/ok`, language: "de" }, /^language: must be fr or en/],
      [{ url: `${server.base}/feed/ok`, country: "FR" }, /^country: must be the code of a country/],
      [{ url: `${server.base}/feed/ok`, colour: "red" }, /colour/],
      [{ url: "javascript:alert(1)" }, /^url: must be an http\(s\) URL/],
      [{ url: `${server.base}/missing` }, /^url: the feed answered HTTP 404/],
      [{ url: `http://127.0.0.1:${server.port}/feed/ok` }, /^url: refused: 127\.0\.0\.1 is a loopback address/],
      [{ url: "http://169.254.169.254/latest/meta-data/" }, /^url: refused: .* link-local address/],
    ];
    for (const [body, message] of cases) {
      const response = await create(analyst, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    expect(await query(`SELECT 1 FROM feed`)).toHaveLength(0);
  });

  it("is refused to viewers, who can still read the list", async () => {
    server.feeds.set("/feed/v", [article(2)]);
    expect((await create(viewer, { url: `${server.base}/feed/v` })).status).toBe(403);
    expect(await query(`SELECT 1 FROM feed`)).toHaveLength(0);
    const list = await GET(new Request("http://localhost/api/feeds", withToken(viewer.token)));
    expect(list.status).toBe(200);
  });
});

describe("PATCH and DELETE /api/feeds/:id", () => {
  it("pauses, resumes, changes interval and hints; viewers get 403; a bad field is a 400; an unknown feed 404", async () => {
    server.feeds.set("/feed/p", [article(3)]);
    const { feed } = (await (await create(analyst, { url: `${server.base}/feed/p` })).json()) as { feed: { id: number } };
    expect(((await (await patch(analyst, feed.id, { paused: true })).json()) as { feed: { paused: boolean } }).feed.paused).toBe(true);
    const updated = (await (await patch(analyst, feed.id, { paused: false, intervalMinutes: 1, language: "fr", country: "ml" })).json()) as { feed: Record<string, unknown> };
    expect(updated.feed).toMatchObject({ paused: false, intervalMinutes: 1, language: "fr", country: "ML" });
    expect((await patch(viewer, feed.id, { paused: true })).status).toBe(403);
    const bad = await patch(analyst, feed.id, { intervalMinutes: "often" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^intervalMinutes:/);
    expect((await patch(analyst, feed.id, {})).status).toBe(400);
    expect((await patch(analyst, 999_999, { paused: true })).status).toBe(404);
    expect((await patch(analyst, "abc", { paused: true })).status).toBe(400);

    const remove = (caller: Caller, id: number) => DELETE(new Request(`http://localhost/api/feeds/${id}`, withToken(caller.token, { method: "DELETE" })), { params: Promise.resolve({ id: String(id) }) });
    expect((await remove(viewer, feed.id)).status).toBe(403);
    await pollFeed(feed.id);
    expect((await remove(analyst, feed.id)).status).toBe(204);
    expect(await query(`SELECT 1 FROM feed`)).toHaveLength(0);
    // What it brought stays.
    expect(await query(`SELECT 1 FROM source`)).toHaveLength(1);
    expect((await remove(analyst, feed.id)).status).toBe(404);
  });

  it("lists each feed's items, sources and incidents after a poll", async () => {
    server.feeds.set("/feed/l", [article(4), article(5)]);
    const { feed } = (await (await create(analyst, { url: `${server.base}/feed/l` })).json()) as { feed: { id: number } };
    await pollFeed(feed.id);
    const { feeds } = (await (await GET(new Request("http://localhost/api/feeds", withToken(viewer.token)))).json()) as { feeds: Record<string, unknown>[] };
    expect(feeds[0]).toMatchObject({ id: feed.id, itemsSeen: 2, sources: 2, incidents: 2, lastError: null, pendingItems: 0, failedItems: 0 });
    expect(feeds[0]!.lastPollAt).toBeTruthy();
    expect(feeds[0]!.lastSuccessAt).toBeTruthy();
  });
});

describe("fresh data", () => {
  it("counts incidents that arrived since the last visit, and `since` filters the table to them", async () => {
    server.feeds.set("/feed/n", [article(6)]);
    const { feed } = (await (await create(analyst, { url: `${server.base}/feed/n` })).json()) as { feed: { id: number } };
    await pollFeed(feed.id);
    await markIncidentsSeen(viewer.user.id);
    const arrivals = async () => (await (await ARRIVALS(new Request("http://localhost/api/incidents/arrivals", withToken(viewer.token)))).json()) as { count: number; since: string };
    expect((await arrivals()).count).toBe(0);
    server.feeds.set("/feed/n", [article(7), article(8), article(6)]);
    await query(`UPDATE feed SET etag = NULL`);
    await pollFeed(feed.id);
    const { count, since } = await arrivals();
    expect(count).toBe(2);
    const page = (await (await INCIDENTS(new Request(`http://localhost/api/incidents?since=${encodeURIComponent(since)}`, withToken(viewer.token)))).json()) as { total: number };
    expect(page.total).toBe(2);
    const all = (await (await INCIDENTS(new Request("http://localhost/api/incidents", withToken(viewer.token)))).json()) as { total: number };
    expect(all.total).toBe(3);
    const csv = await (await EXPORT(new Request(`http://localhost/api/incidents/export?since=${encodeURIComponent(since)}`, withToken(viewer.token)))).text();
    expect(csv.trim().split("\n")).toHaveLength(1 + 2);
    const bad = await INCIDENTS(new Request("http://localhost/api/incidents?since=yesterday", withToken(viewer.token)));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^since:/);
  });
});

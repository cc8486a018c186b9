/**
 * Polling against a real local HTTP server: new items become sources and incidents once, a repeated poll
 * is a conditional GET answered 304, and each kind of failure is recorded in words with the right backoff.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { POLL_LOCK_NAMESPACE, pollFeed } from "@/lib/feeds/poll";
import { claimDueFeeds } from "@/lib/feeds/worker";
import { USER_AGENT } from "@/lib/net/safe-fetch";
import { databaseUrl, query, resetDatabase } from "../db";
import { article, startFeedServer, type FeedServer } from "./feed-server";

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  process.env.FEED_ALLOWED_HOSTS = `localhost:${server.port}`;
  process.env.FEED_FETCH_TIMEOUT_SECONDS = "2";
});

afterAll(async () => {
  delete process.env.FEED_ALLOWED_HOSTS;
  delete process.env.FEED_FETCH_TIMEOUT_SECONDS;
  await server.close();
});

beforeEach(async () => {
  await resetDatabase();
  server.requests.length = 0;
});

async function addFeed(path: string, intervalMinutes = 15): Promise<number> {
  const [row] = await query<{ id: number }>(`INSERT INTO feed (url, interval_minutes, updated_at) VALUES ($1, $2, now()) RETURNING id`, [`${server.base}${path}`, intervalMinutes]);
  return row!.id;
}

const feedRow = async (id: number) =>
  (
    await query<{ last_error: string | null; failure_count: number; items_seen: number; next_in_s: number; last_success_at: Date | null; title: string | null; etag: string | null }>(
      `SELECT last_error, failure_count, items_seen, extract(epoch FROM next_poll_at - now())::float8 AS next_in_s, last_success_at, title, etag FROM feed WHERE id = $1`,
      [id],
    )
  )[0]!;

describe("polling a feed", () => {
  it("ingests new items once as sources with incidents, then asks with its validators and gets 304", async () => {
    server.feeds.set("/feed/a", [article(0), article(1), article(2)]);
    const id = await addFeed("/feed/a");
    const first = await pollFeed(id);
    expect(first).toMatchObject({ kind: "polled", status: "ok", newItems: 3, ingested: { done: 3, failed: 0 } });
    const sources = await query<{ url: string; incidents: number }>(
      `SELECT s.url, count(l.incident_id)::int AS incidents FROM feed_item fi JOIN source s ON s.id = fi.source_id LEFT JOIN incident_source l ON l.source_id = s.id WHERE fi.feed_id = $1 GROUP BY s.url ORDER BY s.url`,
      [id],
    );
    expect(sources.map((s) => s.url)).toEqual([0, 1, 2].map((n) => `https://news.example.org/item/${n}`));
    expect(sources.every((s) => s.incidents === 1)).toBe(true);
    expect(await feedRow(id)).toMatchObject({ title: "Feed /feed/a", failure_count: 0, last_error: null, items_seen: 3 });

    const second = await pollFeed(id);
    expect(second).toMatchObject({ kind: "polled", status: "not_modified", newItems: 0 });
    const last = server.requests.at(-1)!;
    expect(last.ifNoneMatch).toBe((await feedRow(id)).etag);
    expect(last.ifModifiedSince).toBeTruthy();
    expect(last.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/Vigie/);
  });

  it("ingests only the items that changed between polls, never one twice", async () => {
    server.feeds.set("/feed/a", [article(0), article(1)]);
    const id = await addFeed("/feed/a");
    await pollFeed(id);
    // The next document drops one item, keeps one, adds two; the kept one has edited text but the same guid.
    server.feeds.set("/feed/a", [article(3), article(2), { ...article(1), text: `${article(1).text} Mise à jour.` }]);
    const result = await pollFeed(id);
    expect(result).toMatchObject({ status: "ok", newItems: 2, ingested: { done: 2 } });
    const [counts] = await query<{ items: number; sources: number; done: number }>(
      `SELECT count(*)::int AS items, count(DISTINCT source_id)::int AS sources, count(*) FILTER (WHERE status = 'done')::int AS done FROM feed_item WHERE feed_id = $1`,
      [id],
    );
    expect(counts).toEqual({ items: 4, sources: 4, done: 4 });
    expect((await query(`SELECT 1 FROM source`)).length).toBe(4);
  });

  it("follows a redirect to the feed, and refuses one that leads to an address it does not allow", async () => {
    server.feeds.set("/feed/moved-target", [article(4)]);
    const moved = await addFeed("/moved");
    expect(await pollFeed(moved)).toMatchObject({ status: "ok", newItems: 1 });
    const trap = await addFeed("/to-private");
    const result = await pollFeed(trap);
    expect(result).toMatchObject({ status: "error" });
    expect((await feedRow(trap)).last_error).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
  });

  it("records a 500 in words and backs off exponentially", async () => {
    const id = await addFeed("/error", 1);
    await pollFeed(id);
    const once = await feedRow(id);
    expect(once).toMatchObject({ failure_count: 1, last_error: "the site failed (HTTP 500)", last_success_at: null });
    expect(once.next_in_s).toBeGreaterThan(100); // 1 min × 2
    expect(once.next_in_s).toBeLessThanOrEqual(121);
    await pollFeed(id);
    const twice = await feedRow(id);
    expect(twice.failure_count).toBe(2);
    expect(twice.next_in_s).toBeGreaterThan(220); // 1 min × 4
  });

  it("honours Retry-After on 429 and 503", async () => {
    const busy = await addFeed("/busy", 1);
    await pollFeed(busy);
    const row = await feedRow(busy);
    expect(row.last_error).toBe("the site asks us to slow down (HTTP 429)");
    expect(row.next_in_s).toBeGreaterThan(7000);
    const unavailable = await addFeed("/unavailable", 1);
    await pollFeed(unavailable);
    expect((await feedRow(unavailable)).next_in_s).toBeGreaterThan(590);
  });

  it("gives up on a site that never answers, or stops half way through the body, within the timeout", async () => {
    for (const path of ["/hang", "/hang-body"]) {
      const id = await addFeed(path);
      const started = Date.now();
      const result = await pollFeed(id);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result).toMatchObject({ status: "error" });
      expect((await feedRow(id)).last_error).toBe("did not answer in time");
    }
  });

  it("a feed that is gone is an error in words, and a successful poll afterwards clears it", async () => {
    server.feeds.set("/feed/b", [article(5)]);
    const id = await addFeed("/feed/b");
    await query(`UPDATE feed SET url = $1 WHERE id = $2`, [`${server.base}/missing`, id]);
    await pollFeed(id);
    expect((await feedRow(id)).last_error).toBe("the feed is gone (HTTP 404)");
    await query(`UPDATE feed SET url = $1 WHERE id = $2`, [`${server.base}/feed/b`, id]);
    await pollFeed(id);
    expect(await feedRow(id)).toMatchObject({ last_error: null, failure_count: 0 });
  });

  it("keeps an item that extraction refuses as failed with its error, and retries it later", async () => {
    server.feeds.set("/feed/c", [article(6), { guid: "empty", title: "Titre seul", link: "https://news.example.org/empty", text: "", pubDate: new Date().toUTCString() }]);
    const id = await addFeed("/feed/c");
    const result = await pollFeed(id);
    expect(result).toMatchObject({ ingested: { done: 1, failed: 1 } });
    const [failed] = await query<{ status: string; error: string; attempts: number; retry_in_s: number }>(
      `SELECT status, error, attempts, extract(epoch FROM next_attempt_at - now())::float8 AS retry_in_s FROM feed_item WHERE guid = 'empty'`,
    );
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.error).toMatch(/empty/i);
    expect(failed!.retry_in_s).toBeGreaterThan(30);
    // When its time comes it is tried again (and fails again, with one more attempt), not forgotten.
    await query(`UPDATE feed_item SET next_attempt_at = now() WHERE guid = 'empty'`);
    await pollFeed(id);
    expect((await query<{ attempts: number }>(`SELECT attempts FROM feed_item WHERE guid = 'empty'`))[0]!.attempts).toBe(2);
  });

  it("claims a due feed for one scheduler only, and skips paused feeds", async () => {
    server.feeds.set("/feed/d", [article(7)]);
    const due = await addFeed("/feed/d");
    const paused = await addFeed("/feed/e");
    await query(`UPDATE feed SET paused = true WHERE id = $1`, [paused]);
    const [a, b] = await Promise.all([claimDueFeeds(), claimDueFeeds()]);
    expect([...a!, ...b!].map((feed) => feed.id)).toEqual([due]);
  });

  it("a feed being polled by another worker is left to it, and polled once that worker is done", async () => {
    server.feeds.set("/feed/f", [article(8), article(9)]);
    const id = await addFeed("/feed/f");
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1, $2)`, [POLL_LOCK_NAMESPACE, id]);
      expect(await pollFeed(id)).toEqual({ kind: "busy" });
      expect(server.requests).toHaveLength(0);
      await other.query(`SELECT pg_advisory_unlock($1, $2)`, [POLL_LOCK_NAMESPACE, id]);
      expect(await pollFeed(id)).toMatchObject({ kind: "polled", newItems: 2 });
    } finally {
      await other.end();
    }
  });
});

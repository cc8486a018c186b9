/**
 * A feed worker killed (SIGKILL) in the middle of a batch, while its transaction holds claimed items,
 * loses nothing and doubles nothing: another worker started afterwards ingests what was left, and every
 * item ends as exactly one source with its one incident.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS_APPLICATION_NAME } from "@/lib/feeds/items";
import { databaseUrl, query, resetDatabase } from "../db";
import { article, startFeedServer, type FeedServer } from "./feed-server";

const ITEMS = 300;
let server: FeedServer;

beforeAll(async () => {
  await resetDatabase();
  server = await startFeedServer();
  server.feeds.set("/feed/big", Array.from({ length: ITEMS }, (_, n) => article(n, "kill")));
});
afterAll(() => server.close());

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/cli/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      FEED_ALLOWED_HOSTS: `localhost:${server.port}`,
      FEED_TICK_SECONDS: "0.5",
      FEED_QUEUE_POLL_SECONDS: "0.5",
      FEED_CONCURRENCY: "2",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const doneCount = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM feed_item WHERE status = 'done'`))[0]!.n;
const openTransactions = async () =>
  (
    await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1 AND xact_start IS NOT NULL AND state <> 'idle'`,
      [FEEDS_APPLICATION_NAME],
    )
  )[0]!.n;

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, signal);
  await exited;
}

describe("a feed worker killed mid-batch", () => {
  it("leaves nothing lost or doubled once another worker has run", async () => {
    const [feed] = await query<{ id: number }>(`INSERT INTO feed (url, interval_minutes, updated_at) VALUES ($1, 60, now()) RETURNING id`, [`${server.base}/feed/big`]);

    const first = startWorker();
    try {
      // Mid-batch: one batch already committed, the next one claimed in an open transaction.
      await waitFor("a batch in progress", async () => (await doneCount()) > 0 && (await openTransactions()) > 0);
    } finally {
      await stop(first, "SIGKILL");
    }
    const doneAtKill = await doneCount();
    expect(doneAtKill).toBeGreaterThan(0);
    expect(doneAtKill).toBeLessThan(ITEMS);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM feed_item`))[0]!.n).toBe(ITEMS);

    // The killed worker had pushed the feed's next poll an hour away; make it due as the clock would.
    await query(`UPDATE feed SET next_poll_at = now() WHERE id = $1`, [feed!.id]);
    const second = startWorker();
    try {
      await waitFor("every item ingested", async () => (await doneCount()) === ITEMS);
    } finally {
      await stop(second, "SIGTERM");
    }

    const [items] = await query<{ total: number; done: number; with_source: number; distinct_sources: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'done')::int AS done,
              count(source_id)::int AS with_source, count(DISTINCT source_id)::int AS distinct_sources FROM feed_item`,
    );
    expect(items).toEqual({ total: ITEMS, done: ITEMS, with_source: ITEMS, distinct_sources: ITEMS });
    const [sources] = await query<{ n: number; urls: number }>(`SELECT count(*)::int AS n, count(DISTINCT url)::int AS urls FROM source`);
    expect(sources).toEqual({ n: ITEMS, urls: ITEMS });
    // One incident per article (each a distinct town and day), each reported by its one source.
    const links = await query<{ incidents: number }>(`SELECT count(*)::int AS incidents FROM incident_source GROUP BY source_id`);
    expect(links).toHaveLength(ITEMS);
    expect(links.every((row) => row.incidents === 1)).toBe(true);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n).toBe(ITEMS);
  }, 240_000);
});

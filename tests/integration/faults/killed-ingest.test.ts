/**
 * A process killed (SIGKILL, no chance to clean up) in the middle of an ingest leaves no partial source
 * or incident: every source that exists has all the incidents its extraction yields, and nothing exists
 * without its source.
 *
 * The kill must land inside an open write transaction, not between two commits, whatever the machine's
 * speed. So the test holds, in its own open transaction, a source row with the content hash of an article
 * of the second batch: the ingest's INSERT of that batch has to wait for it (a unique-index conflict with
 * an uncommitted row), with the batch's earlier sources already written. The test kills the process once
 * pg_stat_activity shows that backend blocked by the test's transaction with a transaction id of its own.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareIngest, STORE_BATCH_SIZE } from "@/lib/ingest/ingest";
import { contentHash } from "@/lib/ingest/store";
import { databaseUrl, query, resetDatabase } from "../db";

const PLACES = ["Sandaré, dans la région de Kayes", "Boni, dans la région de Mopti", "Djibo, dans la province du Soum", "Ménaka", "Tillabéri, au Niger"];

function item(index: number): { title: string; text: string } {
  const place = PLACES[index % PLACES.length];
  const day = (index % 27) + 1;
  return {
    title: `Dépêche ${index}`,
    text: `Le ${day} mars 2025, des jihadistes ont attaqué un poste militaire à ${place}. Le ${day} mars 2025, une manifestation a eu lieu à Bamako. Référence ${index}.`,
  };
}

/** Polls `check` until it returns a value, with a deadline generous enough for a loaded machine. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(() => resetDatabase());

describe("a process killed during an ingest", () => {
  it("leaves only complete sources behind", async () => {
    const count = 3 * STORE_BATCH_SIZE;
    const items = Array.from({ length: count }, (_, index) => item(index));
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>${items
      .map((entry, index) => `<item><title>${entry.title}</title><link>https://example.org/${index}</link><description>${entry.text}</description></item>`)
      .join("")}</channel></rss>`;
    const file = join(mkdtempSync(join(tmpdir(), "vigie-kill-")), "feed.xml");
    writeFileSync(file, feed);

    // The row the second batch will wait for, halfway through that batch.
    const held = Math.floor(1.5 * STORE_BATCH_SIZE);
    const holder = new pg.Client({ connectionString: databaseUrl() });
    await holder.connect();
    const holderPid = (await holder.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid;
    await holder.query("BEGIN");
    await holder.query(`INSERT INTO source (text, content_hash) VALUES ('held by the test', $1)`, [contentHash(prepareIngest({ text: items[held]!.text }).text)]);

    const child = spawn("npx", ["tsx", "scripts/cli/ingest.ts", file], {
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let blocked: { pid: number; xid: string };
    try {
      blocked = await waitFor("the ingest's open transaction to wait on the held row", async () => {
        const rows = await query<{ pid: number; xid: string }>(
          `SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
            WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid)) AND backend_xid IS NOT NULL AND xact_start IS NOT NULL`,
          [holderPid],
        );
        return rows[0];
      });
      // The first batch committed before the second one started.
      const committed = await query<{ n: string }>(`SELECT count(*) AS n FROM source`);
      expect(Number(committed[0]!.n)).toBe(STORE_BATCH_SIZE);
    } finally {
      process.kill(-child.pid!, "SIGKILL");
      await exited;
      await holder.query("ROLLBACK");
      await holder.end();
    }
    // The killed client's backend ends once it notices the closed connection; its transaction never commits.
    await waitFor("the killed ingest's backend to end", async () => {
      const rows = await query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [blocked.pid]);
      return rows.length === 0 ? true : undefined;
    });

    const stored = await query<{ content_hash: string; url: string; incidents: string }>(
      `SELECT s.content_hash, s.url, count(l.incident_id) AS incidents FROM source s LEFT JOIN incident_source l ON l.source_id = s.id GROUP BY s.id`,
    );
    // Exactly the first batch: nothing of the batch whose transaction was open when the process died.
    expect(stored.map((row) => Number(row.url.split("/").pop())).sort((a, b) => a - b)).toEqual(Array.from({ length: STORE_BATCH_SIZE }, (_, index) => index));
    for (const row of stored) {
      const index = Number(row.url.split("/").pop());
      const prepared = prepareIngest({ text: items[index]!.text });
      expect(row.content_hash).toBe(contentHash(prepared.text));
      expect(Number(row.incidents)).toBe(prepared.extraction.incidents.length);
    }
    const orphans = await query<{ n: string }>(
      `SELECT count(*) AS n FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_source l WHERE l.incident_id = i.id)`,
    );
    expect(Number(orphans[0]!.n)).toBe(0);
    const idle = await query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(Number(idle[0]!.n)).toBe(0);
  }, 240_000);
});

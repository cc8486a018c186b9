/**
 * A process killed (SIGKILL, no chance to clean up) in the middle of an ingest leaves no partial source
 * or incident: every source that exists has all the incidents its extraction yields, and nothing exists
 * without its source.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareIngest } from "@/lib/ingest/ingest";
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

beforeAll(() => resetDatabase());

describe("a process killed during an ingest", () => {
  it("leaves only complete sources behind", async () => {
    const count = 400;
    const items = Array.from({ length: count }, (_, index) => item(index));
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>${items
      .map((entry, index) => `<item><title>${entry.title}</title><link>https://example.org/${index}</link><description>${entry.text}</description></item>`)
      .join("")}</channel></rss>`;
    const file = join(mkdtempSync(join(tmpdir(), "vigie-kill-")), "feed.xml");
    writeFileSync(file, feed);

    const child = spawn("npx", ["tsx", "scripts/ingest.ts", file], {
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    // Kill once some sources are committed, i.e. while later ones are being written.
    const deadline = Date.now() + 60_000;
    let sources = 0;
    while (Date.now() < deadline && sources < 5) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sources = Number((await query<{ n: string }>(`SELECT count(*) AS n FROM source`))[0]!.n);
    }
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const stored = await query<{ content_hash: string; url: string; incidents: string }>(
      `SELECT s.content_hash, s.url, count(l.incident_id) AS incidents FROM source s LEFT JOIN incident_source l ON l.source_id = s.id GROUP BY s.id`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(5);
    expect(stored.length).toBeLessThan(count);
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
  });
});

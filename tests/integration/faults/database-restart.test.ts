/**
 * PostgreSQL stops in the middle of work and comes back. While it is down, health says 503 and ingests
 * fail cleanly (503, never 500); afterwards the app recovers on its own, without a restart; every ingest
 * acknowledged with 2xx is stored exactly once and every failed one left nothing.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { contentHash } from "@/lib/ingest/store";
import { query } from "../db";

const dataDir = `.data/test-fault-${process.pid}`;
let server: EmbeddedDatabase | undefined;
const originalUrl = process.env.DATABASE_URL;

afterAll(async () => {
  await server?.stop();
  process.env.DATABASE_URL = originalUrl;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.resetModules();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = randomBytes(4).toString("hex");
function article(index: number): string {
  return `Le 17 mai 2025, des hommes armés ont attaqué le poste de Sandaré, dans la région de Kayes, au Mali. Dépêche ${run}-${index}.`;
}

describe("database outage", () => {
  it("reports 503 while down, recovers by itself, and loses or duplicates no acknowledged ingest", async () => {
    const port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port, database: "vigie" });
    await migrate(server.url);
    process.env.DATABASE_URL = server.url;
    (globalThis as { prisma?: unknown }).prisma = undefined;
    vi.resetModules();

    const { createUser } = await import("@/lib/auth/users");
    const { createApiToken } = await import("@/lib/auth/tokens");
    const { POST } = await import("@/app/api/sources/route");
    const { GET: health } = await import("@/app/api/health/route");
    const user = await createUser({ email: `fault-${run}@example.org`, password: "correct horse battery", role: "analyst" });
    const { token } = await createApiToken(user.id, "fault test");

    const outcomes: { index: number; status: number }[] = [];
    async function ingest(index: number) {
      const response = await POST(
        new Request("http://localhost/api/sources", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ text: article(index), publishedAt: "2025-05-19" }),
        }),
      );
      outcomes.push({ index, status: response.status });
      return response.status;
    }

    for (let index = 0; index < 5; index++) expect(await ingest(index)).toBe(201);
    expect((await health()).status).toBe(200);

    // Ingests in flight while the database goes away may end either way (201 or 503): the accounting
    // below proves each outcome true. The traffic stops after a fixed number of rounds once the
    // database is down, never after a time.
    let next = 5;
    let stopped = false;
    const inFlight = (async () => {
      for (let roundsAfterStop = 0; roundsAfterStop < 2; ) {
        await Promise.all([ingest(next++), ingest(next++)]);
        if (stopped) roundsAfterStop++;
      }
    })();
    await server.stop();
    stopped = true;
    await inFlight;

    // While it is down, every answer is a deterministic 503, never a 500.
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "unavailable" });
    const whileDown = await Promise.all([ingest(next++), ingest(next++), ingest(next++)]);
    expect(whileDown).toEqual([503, 503, 503]);

    // It comes back without restarting the app: poll with a generous deadline (a loaded machine is slow
    // to start PostgreSQL), then ingests succeed again.
    server = await startEmbeddedPostgres({ dataDir, port, database: "vigie" });
    const deadline = Date.now() + 90_000;
    let status = (await health()).status;
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await health()).status;
    }
    expect(status).toBe(200);
    expect(await ingest(next++)).toBe(201);

    // Only clean answers: 201 stored, or 503 "try again"; never a 500.
    for (const outcome of outcomes) expect([201, 503]).toContain(outcome.status);

    const stored = await query<{ content_hash: string; incidents: string }>(
      `SELECT s.content_hash, count(l.incident_id) AS incidents FROM source s LEFT JOIN incident_source l ON l.source_id = s.id GROUP BY s.id`,
      [],
      server.url,
    );
    const counts = new Map<string, number>();
    for (const row of stored) counts.set(row.content_hash, (counts.get(row.content_hash) ?? 0) + 1);
    for (const outcome of outcomes) {
      const copies = counts.get(contentHash(article(outcome.index))) ?? 0;
      expect({ index: outcome.index, copies }).toEqual({ index: outcome.index, copies: outcome.status === 201 ? 1 : 0 });
    }
    // A source never exists without the incidents of its transaction.
    for (const row of stored) expect(Number(row.incidents)).toBeGreaterThan(0);
  }, 240_000);
});

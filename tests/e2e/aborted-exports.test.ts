/**
 * Clients that abort a large export over HTTP release their database connection and stop the COPY: after
 * 100 aborted downloads no COPY is left running, the server holds no more export connections than before,
 * and a full export still works. Export connections are told apart by their application_name; the test
 * waits, with a generous deadline, for the state it asserts rather than for a fixed time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { loadReferenceData } from "@/lib/reference/load";
import { seedSynthetic } from "@/scripts/data/seed-synthetic";
import { query } from "../integration/db";
import { createTestUser } from "./auth-helpers";

const baseUrl = inject("baseUrl");
const COUNT = 30_000;
let token: string;
let firstSeededId = 0;

beforeAll(async () => {
  await loadReferenceData();
  firstSeededId = Number((await query<{ next: string }>(`SELECT coalesce(max(id), 0) + 1 AS next FROM incident`))[0]!.next);
  await seedSynthetic(inject("databaseUrl"), { count: COUNT, seed: 3 });
  const user = await createTestUser("viewer");
  token = (await createApiToken(user.id, "exports")).token;
}, 120_000);

// Browser tests share one database: take the synthetic incidents away again.
afterAll(async () => {
  await query(`DELETE FROM incident WHERE id >= $1`, [firstSeededId]);
});

type ExportBackends = { copies: number; open: number; busy: number };

/** COPYs running anywhere on the database, and the export pool's connections (all, and those not idle). */
async function exportBackends(): Promise<ExportBackends> {
  const [row] = await query<{ copies: string; open: string; busy: string }>(
    `SELECT count(*) FILTER (WHERE query ILIKE 'COPY%' AND state = 'active') AS copies,
            count(*) FILTER (WHERE application_name LIKE 'vigie-%-export') AS open,
            count(*) FILTER (WHERE application_name LIKE 'vigie-%-export' AND state <> 'idle') AS busy
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return { copies: Number(row!.copies), open: Number(row!.open), busy: Number(row!.busy) };
}

/** Polls until `done` holds (a loaded machine may take a while), then returns the last figures either way. */
async function settle(done: (backends: ExportBackends) => boolean): Promise<ExportBackends> {
  const deadline = Date.now() + 120_000;
  let backends = await exportBackends();
  while (!done(backends) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    backends = await exportBackends();
  }
  return backends;
}

async function fullExportRows(): Promise<number> {
  const response = await fetch(`${baseUrl}/api/incidents/export`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.text()).trimEnd().split("\r\n").length - 1;
}

describe("aborted exports", () => {
  it("leave no COPY running and no extra connection after 100 aborted downloads", async () => {
    const total = Number((await query<{ n: string }>(`SELECT count(*) AS n FROM incident WHERE merged_into_id IS NULL`))[0]!.n);
    expect(await fullExportRows()).toBe(total);
    const before = await settle((backends) => backends.copies === 0 && backends.busy === 0);
    expect(before).toMatchObject({ copies: 0, busy: 0 });

    for (let attempt = 0; attempt < 100; attempt++) {
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/api/incidents/export`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      // The download in progress holds an export connection: the counts below are not vacuous.
      if (attempt === 0) expect((await exportBackends()).open).toBeGreaterThan(0);
      controller.abort();
      await reader.cancel().catch(() => {});
    }

    // Each aborted download's connection is dropped, not pooled: once their backends have ended, none is
    // left running a COPY and the export pool holds no more connections than before.
    const after = await settle((backends) => backends.copies === 0 && backends.busy === 0 && backends.open <= before.open);
    expect(after.copies).toBe(0);
    expect(after.busy).toBe(0);
    expect(after.open).toBeLessThanOrEqual(before.open);
    expect(await fullExportRows()).toBe(total);
  });
});

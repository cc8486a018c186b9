/**
 * Clients that abort a large export over HTTP release their database connection and stop the COPY: after
 * 100 aborted downloads no COPY is left running, the server holds no more connections than before, and a
 * full export still works.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { loadReferenceData } from "@/lib/reference/load";
import { seedSynthetic } from "@/scripts/seed-synthetic";
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

async function serverConnections(): Promise<{ copies: number; total: number }> {
  const [row] = await query<{ copies: string; total: string }>(
    `SELECT count(*) FILTER (WHERE query ILIKE 'COPY%' AND state = 'active') AS copies, count(*) AS total
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return { copies: Number(row!.copies), total: Number(row!.total) };
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
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await serverConnections();

    for (let attempt = 0; attempt < 100; attempt++) {
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/api/incidents/export`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      controller.abort();
      await reader.cancel().catch(() => {});
    }

    let after = await serverConnections();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (after.copies > 0 || after.total > before.total)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await serverConnections();
    }
    expect(after.copies).toBe(0);
    expect(after.total).toBeLessThanOrEqual(before.total);
    expect(await fullExportRows()).toBe(total);
  });
});

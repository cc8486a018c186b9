/**
 * Export starvation: slow or idle readers cannot hold the export connections for ever. Each export here
 * has enough rows that COPY is held by backpressure until its client reads, like a slow download.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/incidents/export/route";
import { openIncidentExport, parseExportParams } from "@/lib/incidents/export";
import { AppError } from "@/lib/errors/app-error";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, type Caller } from "../session";

// The defaults these tests are about: 3 export connections, 2 per user.
process.env.EXPORT_POOL_SIZE = "3";
process.env.EXPORT_PER_USER = "2";

const held: ReadableStream<Uint8Array>[] = [];
let users: Caller[];

beforeAll(async () => {
  await resetDatabase();
  // ~20 MB of CSV: far more than the socket and stream buffers, so an unread export keeps its COPY running.
  await query(`INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, geo_precision, fatalities, status, updated_at)
    SELECT date '2024-01-01' + (n % 365), 'Battles', 'Armed clash', repeat('Long summary of the clash. ', 8) || n, 'Mali', 1, 0, 'unverified', now()
    FROM generate_series(1, 80000) AS n`);
  users = [await signedInUser("viewer"), await signedInUser("viewer"), await signedInUser("viewer")];
});

/**
 * A cancelled export's connection is destroyed; its server process (and its slot's lock) ends a moment later.
 * pg_locks covers the whole server, where other databases' runs take advisory locks of their own.
 */
async function exportSlotsHeld(): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return row.n;
}

afterEach(async () => {
  for (const body of held.splice(0)) await body.cancel().catch(() => {});
  await expect.poll(exportSlotsHeld, { timeout: 20_000 }).toBe(0);
  delete process.env.EXPORT_MAX_SECONDS;
  delete process.env.EXPORT_ACQUIRE_TIMEOUT_MS;
});

async function openFor(caller: Caller) {
  const { body } = await openIncidentExport(parseExportParams(new URLSearchParams("")), { user: caller.user, ip: "127.0.0.1" });
  held.push(body);
  return body;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the export was not refused");
}

async function runningCopies(): Promise<number> {
  const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'COPY%' AND pid <> pg_backend_pid()`);
  return row.n;
}

describe("export admission", () => {
  it("limits one user's concurrent exports with a clear 429, without holding back other users", async () => {
    await openFor(users[0]);
    await openFor(users[0]);
    const response = await exportRoute(new Request("http://localhost:3000/api/incidents/export", withCookie(users[0].cookie)));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("10");
    expect((await response.json()).message).toMatch(/already have 2 exports running/);
    // Another user still gets the pool's last connection.
    await openFor(users[1]);
    // Finishing one frees the slot for the first user again.
    await held.shift()!.cancel();
    await expect.poll(exportSlotsHeld, { timeout: 20_000 }).toBe(2);
    await openFor(users[0]);
  });

  it("answers 503 with Retry-After when every export connection stays busy past the wait limit", async () => {
    process.env.EXPORT_ACQUIRE_TIMEOUT_MS = "1000";
    await openFor(users[0]);
    await openFor(users[0]);
    await openFor(users[1]);
    const error = await refusal(openFor(users[2]));
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/busy/);
  });

  it("cuts off an export whose client reads too slowly once its time limit is over, and frees its connection", async () => {
    process.env.EXPORT_MAX_SECONDS = "1";
    const body = await openFor(users[2]);
    const reader = body.getReader();
    await reader.read();
    expect(await runningCopies()).toBeGreaterThan(0);
    // Reading on, slowly: the stream must end in an error rather than go on for ever.
    let failed: unknown = null;
    const deadline = Date.now() + 60_000;
    while (!failed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      try {
        const { done } = await reader.read();
        if (done) break;
      } catch (error) {
        failed = error;
      }
    }
    expect(String(failed)).toMatch(/time limit/);
    await expect.poll(runningCopies, { timeout: 20_000 }).toBe(0);
    const [event] = await query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE action = 'incident.export' AND user_id = $1 ORDER BY id DESC LIMIT 1`,
      [users[2].user.id],
    );
    expect(event.details).toMatchObject({ completed: false, stopped: "time limit of 1 s" });
  });
});

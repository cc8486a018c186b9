/**
 * Who may start a CSV export, and for how long. Exports hold a connection of a small dedicated pool for
 * as long as the client reads, so without limits three slow readers would hold every connection forever:
 * - waiting for a connection is bounded (EXPORT_ACQUIRE_TIMEOUT_MS): then 503 with Retry-After;
 * - one user runs at most EXPORT_PER_USER exports at once (429 beyond), counted with PostgreSQL advisory
 *   locks on the export's own connection, so the limit holds across worker processes and a crashed
 *   export frees its slot with its connection;
 * - an export lasts at most EXPORT_MAX_SECONDS from its start, however slowly its client reads: then the
 *   download is cut off and the connection freed (see export.ts).
 */
import type pg from "pg";
import { namedPool } from "@/lib/db/pg-pool";
import { AppError } from "@/lib/errors/app-error";
import { env, readEnv } from "@/lib/env";

export type ExportLimits = { poolSize: number; acquireTimeoutMs: number; perUser: number; maxSeconds: number };

export function exportLimits(source?: NodeJS.ProcessEnv): ExportLimits {
  const config = source ? readEnv(source) : env();
  return {
    poolSize: config.EXPORT_POOL_SIZE,
    acquireTimeoutMs: config.EXPORT_ACQUIRE_TIMEOUT_MS,
    perUser: config.EXPORT_PER_USER,
    maxSeconds: config.EXPORT_MAX_SECONDS,
  };
}

/** DateStyle=ISO makes dates print as ISO 8601 (YYYY-MM-DD) in the CSV whatever the server's setting. */
function exportPool(limits: ExportLimits): pg.Pool {
  return namedPool(`export:${limits.poolSize}:${limits.acquireTimeoutMs}`, { DateStyle: "ISO,YMD" }, limits.poolSize, {
    connectionTimeoutMillis: limits.acquireTimeoutMs,
  });
}

const TAKE_SLOT = `SELECT slot FROM generate_series(0, $2::int - 1) AS slot
  WHERE pg_try_advisory_lock(hashtextextended('vigie:export:' || $1::text || ':' || slot, 0)) LIMIT 1`;

export type ExportConnection = {
  client: pg.PoolClient;
  /** Gives the slot back and returns the connection to the pool (after a completed COPY). */
  finish: () => Promise<void>;
};

/**
 * A cancelled export's connection is destroyed, and its server process (holding the slot's lock) exits a
 * moment later: a user who cancels and starts again at once waits that moment instead of getting a 429.
 */
const SLOT_WAIT_MS = 2_000;

async function takeSlot(client: pg.PoolClient, userId: number, limits: ExportLimits): Promise<boolean> {
  const deadline = Date.now() + Math.min(SLOT_WAIT_MS, limits.acquireTimeoutMs);
  for (;;) {
    const { rows } = await client.query(TAKE_SLOT, [String(userId), limits.perUser]);
    if (rows.length) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A connection for one export of this user (null: a script, not limited per user), or a 503 / 429. */
export async function acquireExportConnection(userId: number | null, limits = exportLimits()): Promise<ExportConnection> {
  let client: pg.PoolClient;
  try {
    client = await exportPool(limits).connect();
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new AppError("unavailable", "Every export connection is busy with other downloads: try again in a moment", undefined, 10);
    }
    throw error;
  }
  if (userId === null) return { client, finish: async () => client.release() };
  try {
    if (!(await takeSlot(client, userId, limits))) {
      client.release();
      throw new AppError(
        "too_many_requests",
        `You already have ${limits.perUser} exports running: wait for one to finish (or cancel it), then try again`,
        undefined,
        10,
      );
    }
  } catch (error) {
    if (!(error instanceof AppError)) client.release(error as Error);
    throw error;
  }
  return {
    client,
    finish: async () => {
      try {
        await client.query("SELECT pg_advisory_unlock_all()");
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    },
  };
}

/**
 * Raw pg connections for bulk writes (the batch ingest, lib/ingest/store.ts). Prisma's raw queries spend
 * several times pg's client CPU on large array parameters: the same batch statements cost ~3.1 ms of node
 * CPU per article through `$queryRawUnsafe` in `prisma.$transaction` against ~0.9 ms through pg (1,000
 * articles in batches of 100), and that CPU is taken from extraction, which runs on the same core. One
 * pool per process, on the Prisma client's URL, replaced when DATABASE_URL changes (tests switch databases).
 */
import pg from "pg";

const globalForWrites = globalThis as unknown as { vigieWritePool?: pg.Pool; vigieWritePoolUrl?: string };

export function writePool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  if (!globalForWrites.vigieWritePool || globalForWrites.vigieWritePoolUrl !== connectionString) {
    void globalForWrites.vigieWritePool?.end().catch(() => {});
    // JIT off: these are short statements on indexed rows, where compiling costs more than it saves.
    const pool = new pg.Pool({ connectionString, max: 4, options: "-c jit=off" });
    // An idle connection dropped by the server (restart) must not crash the process: the pool replaces it.
    pool.on("error", () => {});
    globalForWrites.vigieWritePool = pool;
    globalForWrites.vigieWritePoolUrl = connectionString;
  }
  return globalForWrites.vigieWritePool;
}

/**
 * Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws.
 * A connection whose rollback fails (the server went away) is discarded rather than returned to the pool.
 */
export async function inWriteTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await writePool().connect();
  // A connection lost mid-transaction also emits "error" on the client, which would crash the process
  // without a listener; the failing query reports it to the caller already.
  const ignore = () => {};
  client.on("error", ignore);
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}

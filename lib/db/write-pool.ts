/**
 * Raw pg connections for bulk writes (the batch ingest, lib/ingest/store.ts). Prisma's raw queries spend
 * several times pg's client CPU on large array parameters: the same batch statements cost ~3.1 ms of node
 * CPU per article through `$queryRawUnsafe` in `prisma.$transaction` against ~0.9 ms through pg (1,000
 * articles in batches of 100), and that CPU is taken from extraction, which runs on the same core.
 */
import type pg from "pg";
import { namedPool } from "./pg-pool";

// JIT off: these are short statements on indexed rows, where compiling costs more than it saves.
export function writePool(): pg.Pool {
  return namedPool("write", { jit: "off" }, 4);
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

/**
 * Raw pg pools beside the Prisma client, for the few hot paths where Prisma's per-query cost shows (table
 * totals, overview aggregates, bulk ingest). Each pool carries its session settings from the connection
 * start, so a query is one round trip; one pool per name and process, replaced when DATABASE_URL changes
 * (tests switch databases). Each connection carries its process and pool as application_name ("vigie-<pid>-export"),
 * so pg_stat_activity tells which pool holds a connection and the embedded database whose process uses it.
 */
import pg from "pg";
import { env } from "../env";

const globalForPools = globalThis as unknown as { vigiePgPools?: Map<string, { url: string; pool: pg.Pool }> };

export function namedPool(name: string, settings: Record<string, string | number>, max: number, poolOptions: pg.PoolConfig = {}): pg.Pool {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  const pools = (globalForPools.vigiePgPools ??= new Map());
  const current = pools.get(name);
  if (current?.url === connectionString) return current.pool;
  void current?.pool.end().catch(() => {});
  // A name may carry its settings after a colon ("export:3:5000"), so a change of them makes a new pool;
  // its application_name keeps the kind only.
  const options = Object.entries(settings)
    .map(([key, value]) => `-c ${key}=${value}`)
    .join(" ");
  const pool = new pg.Pool({ ...poolOptions, connectionString, max, options, application_name: `vigie-${process.pid}-${name.split(":")[0]}` });
  // An idle connection dropped by the server (restart) must not crash the process: the pool replaces it.
  pool.on("error", () => {});
  pools.set(name, { url: connectionString, pool });
  return pool;
}

/**
 * A few raw pg connections for the table's totals. Counting must give up after a small budget (then the
 * planner's estimate is shown), and setting that budget per query would cost a transaction and two SET
 * statements each time; these connections carry it from the start instead, so a total is one round trip.
 */
import pg from "pg";

const globalForCounts = globalThis as unknown as { vigieCountPool?: pg.Pool; vigieCountPoolUrl?: string };

export function countPool(budgetMs: number): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  if (!globalForCounts.vigieCountPool || globalForCounts.vigieCountPoolUrl !== connectionString) {
    void globalForCounts.vigieCountPool?.end().catch(() => {});
    const pool = new pg.Pool({ connectionString, max: 4, options: `-c statement_timeout=${budgetMs} -c jit=off` });
    // An idle connection dropped by the server (restart) must not crash the process: the pool replaces it.
    pool.on("error", () => {});
    globalForCounts.vigieCountPool = pool;
    globalForCounts.vigieCountPoolUrl = connectionString;
  }
  return globalForCounts.vigieCountPool;
}

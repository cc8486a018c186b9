/**
 * The total under the incidents table: exact when cheap, otherwise the planner's estimate, flagged.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import { countPool } from "@/lib/db/count-pool";
import { sql, type Sql } from "./where";

/**
 * How the total is counted. Exact counts measured 57-203 ms for sets of 185,000-550,000 rows, and on our 1M-row bench an exact count of ~20,000 rows spread over the table took 200-600 ms (every
 * row must be read from the heap: `merged_into_id IS NULL` rules out index-only scans), while EXPLAIN's
 * estimate costs under 1 ms. So:
 *  - above ESTIMATE_ONLY_ABOVE estimated rows we show the planner's estimate ("about 186,000"), flagged;
 *  - below it we count exactly, but within COUNT_BUDGET_MS (statement_timeout): a cheap count (small or
 *    index-friendly sets) is exact, an expensive one falls back to the estimate instead of slowing the page;
 *  - on the last page the total is simply offset + rows, exact and free.
 * JIT is off for the count: its compile time (10-50 ms) is pure overhead on a query this short.
 */
export const ESTIMATE_ONLY_ABOVE = 10_000;
export const COUNT_BUDGET_MS = 40;

/**
 * The planner's estimate, on the count pool (one round trip). Planning takes well under its budget, but a
 * busy server can take longer, which must slow the page a little, not fail it: then it is asked again
 * without the budget.
 */
export async function estimateCount(where: Sql): Promise<number> {
  const statement = sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM incident i ${where}`;
  let raw: unknown;
  try {
    raw = (await countPool(COUNT_BUDGET_MS).query<{ "QUERY PLAN": unknown }>(statement.text, statement.values)).rows[0]?.["QUERY PLAN"];
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    raw = (await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>(statement))[0]?.["QUERY PLAN"];
  }
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  return Math.round(parsed[0]?.Plan["Plan Rows"] ?? 0);
}

export function isStatementTimeout(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /57014|statement timeout|canceling statement/i.test(text);
}

/** The exact count, or null when it would take longer than the budget. */
async function countWithinBudget(where: Sql): Promise<number | null> {
  try {
    const statement = sql`SELECT count(*)::int AS count FROM incident i ${where}`;
    const result = await countPool(COUNT_BUDGET_MS).query<{ count: number }>(statement.text, statement.values);
    return result.rows[0]?.count ?? 0;
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}

export async function resolveTotal(where: Sql, estimate: number): Promise<{ total: number; totalIsEstimate: boolean }> {
  if (estimate > ESTIMATE_ONLY_ABOVE) return { total: estimate, totalIsEstimate: true };
  const counted = await countWithinBudget(where);
  return counted === null ? { total: estimate, totalIsEstimate: true } : { total: counted, totalIsEstimate: false };
}

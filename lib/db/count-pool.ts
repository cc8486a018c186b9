/**
 * A few raw pg connections for the table's totals. Counting must give up after a small budget (then the
 * planner's estimate is shown), and setting that budget per query would cost a transaction and two SET
 * statements each time; these connections carry it from the start instead, so a total is one round trip.
 */
import type pg from "pg";
import { namedPool } from "./pg-pool";

export function countPool(budgetMs: number): pg.Pool {
  return namedPool("count", { statement_timeout: budgetMs, jit: "off" }, 4);
}

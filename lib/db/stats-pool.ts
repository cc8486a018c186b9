/**
 * The overview's connections (lib/incidents/stats.ts): JIT off (compiling these plans cost 15-100 ms,
 * more than it saves) and enough hash memory that the aggregates never fall back to an on-disk sort (the
 * planner expects ~100,000 groups where there are a few thousand).
 */
import type pg from "pg";
import { namedPool } from "./pg-pool";
import { env } from "../env";

export function statsPool(): pg.Pool {
  return namedPool("stats", { jit: "off", work_mem: "64MB", hash_mem_multiplier: 4 }, env().STATS_POOL_SIZE);
}

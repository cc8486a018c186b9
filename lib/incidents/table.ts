/**
 * The incidents table: one page of rows and its total. The WHERE comes from the one filter contract
 * (incidentWhere), so the table, the API, the export and the charts agree.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import { countPool } from "@/lib/db/count-pool";
import { Prisma } from "@/lib/db/generated/client";
import type { IncidentFilter, Sort } from "./filters";
import { incidentWhere, orderBySql, sql, type Sql } from "./where";
import { ROW_COLUMNS } from "./rows";
import { COUNT_BUDGET_MS, estimateCount, isStatementTimeout, resolveTotal } from "./count";
import type { IncidentPage, IncidentRow } from "./types";

function getPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  if (sort.key === "fatalities") return getFatalitiesPageRows(where, sort, limit, offset);
  return prisma.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * A page sorted by fatalities, unknown tolls last (as orderBySql sorts them), in two reads: the known
 * tolls in the order of the (fatalities DESC, event_date DESC, id DESC) index, then, once a page reaches
 * past them, the unknown ones by date. One ORDER BY ... NULLS LAST cannot be read from that index (Prisma
 * cannot declare a NULLS LAST index), so it sorted every matching incident: 0.6 s at 1,000,000.
 * tests/integration/incidents/filters.test.ts pages through it against that one ORDER BY.
 */
async function getFatalitiesPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  const dir = Prisma.raw(sort.dir === "asc" ? "ASC" : "DESC");
  const known = await prisma.$queryRaw<IncidentRow[]>`
    SELECT ${ROW_COLUMNS} FROM incident i ${where} AND i.fatalities IS NOT NULL
    ORDER BY i.fatalities ${dir}, i.event_date DESC, i.id DESC LIMIT ${limit} OFFSET ${offset}`;
  if (known.length === limit) return known;
  // The page reaches the unknown tolls: where they start is the number of known ones.
  const knownTotal = known.length
    ? offset + known.length
    : (await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM incident i ${where} AND i.fatalities IS NOT NULL`)[0]!.count;
  const unknown = await prisma.$queryRaw<IncidentRow[]>`
    SELECT ${ROW_COLUMNS} FROM incident i ${where} AND i.fatalities IS NULL
    ORDER BY i.event_date DESC, i.id DESC LIMIT ${limit - known.length} OFFSET ${Math.max(0, offset - knownTotal)}`;
  return [...known, ...unknown];
}

/**
 * A page for a full-text filter. The planner cannot tell a rare word from a common one (it assumes every
 * word matches ~0.3% of incidents), so it walks the sort's index and tests each row, which finds a page of
 * a common word at once but reads the whole table for a rare one: 1-2 s at 1,000,000 incidents for a word
 * found nowhere. So the walk gets the count budget; past it, the same query runs without index walks, so
 * the matches come from the search index (a rare word: milliseconds) or one parallel scan (a common word
 * under another sort: ~0.7 s, as before) and only they are sorted.
 */
async function getTextPageRows(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  const walk = sql`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
  try {
    return (await countPool(COUNT_BUDGET_MS).query<IncidentRow>(walk.text, walk.values)).rows;
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
  }
  return getTextPageRowsWithoutWalk(where, sort, limit, offset);
}

/** The page without walking an index in sort order (see getTextPageRows). Exported for its test. */
export function getTextPageRowsWithoutWalk(where: Sql, sort: Sort, limit: number, offset: number): Promise<IncidentRow[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('enable_indexscan', 'off', true)`;
    return tx.$queryRaw<IncidentRow[]>`SELECT ${ROW_COLUMNS} FROM incident i ${where} ${orderBySql(sort)} LIMIT ${limit} OFFSET ${offset}`;
  });
}

/**
 * One page of the table. The page and the planner estimate run concurrently (two pooled connections:
 * both are sub-millisecond index work, so latency is the slower of the two). The total is exact for small
 * sets and on the last page (where it is simply offset + rows), estimated for large ones.
 */
export async function getIncidentPage(filter: IncidentFilter): Promise<IncidentPage> {
  const where = incidentWhere(filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const [rows, estimate] = await Promise.all([
    filter.q ? getTextPageRows(where, filter.sort, filter.pageSize, offset) : getPageRows(where, filter.sort, filter.pageSize, offset),
    estimateCount(where),
  ]);
  const lastPage = rows.length > 0 && rows.length < filter.pageSize;
  const firstAndEmpty = rows.length === 0 && filter.page === 1;
  const { total, totalIsEstimate } =
    lastPage || firstAndEmpty ? { total: offset + rows.length, totalIsEstimate: false } : await resolveTotal(where, estimate);
  // An estimate smaller than what we have already seen would be visibly wrong.
  const floor = rows.length ? offset + rows.length + (rows.length === filter.pageSize && totalIsEstimate ? 1 : 0) : 0;
  return { rows, total: Math.max(total, floor), totalIsEstimate, page: filter.page, pageSize: filter.pageSize };
}

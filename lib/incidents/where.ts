/**
 * SQL for the filter contract: one WHERE clause over `incident i`, shared by table rows, counts, chart
 * aggregates and the CSV export, with the one ORDER BY of a sort. Built with Prisma's sql tag from the
 * table of filter dimensions (dimensions.ts): every value is a bound parameter.
 */
import { Prisma } from "@/lib/db/generated/client";
import { activeDimensions } from "./dimensions";
import type { IncidentFilter, Sort } from "./filters";

export const sql = Prisma.sql;
export type Sql = Prisma.Sql;

/**
 * Conditions that depend only on the filter. Actor names are resolved to ids in SQL through the alias
 * table (actorIdsSql), so "GSIM" finds JNIM and an unknown name simply matches nothing.
 */
export type ConditionOptions = {
  /**
   * The names the filter's actors resolve to, when the caller has resolved them: matched against the
   * incident's own actor_names (kept equal to its links on every write, see refreshActorNames in
   * edits.ts) instead of joining incident_actor. The overview's scans read actor_names from their
   * covering index; at 1,000,000 incidents the join cost them 30-50 ms more per aggregate.
   */
  actorNames?: string[] | null;
  /**
   * The caller tests a handful of known rows (an alert batch's new incidents against every watch): full
   * text looks at each row's own sources instead of first collecting every matching source of the table,
   * which suits a page of a large result but costs a whole index scan per watch and row here.
   */
  fewRows?: boolean;
};

export function incidentConditions(filter: IncidentFilter, options: ConditionOptions = {}): Sql[] {
  const context = { sql, actorNames: options.actorNames ?? null, fewRows: options.fewRows ?? false };
  return [sql`i.merged_into_id IS NULL`, ...activeDimensions(filter).map(({ dimension, value }) => dimension.rows(value, context))];
}

export function incidentWhere(filter: IncidentFilter, options: ConditionOptions = {}): Sql {
  return sql`WHERE ${Prisma.join(incidentConditions(filter, options), " AND ")}`;
}

const SORT_SQL: Record<Sort["key"], string> = {
  eventDate: "i.event_date",
  fatalities: "i.fatalities",
  country: "i.country",
  admin1: "i.admin1",
  location: "i.location",
  eventType: "i.event_type",
  status: "i.status",
  updatedAt: "i.updated_at",
  id: "i.id",
};

const NULLABLE_SORT_KEYS = new Set<Sort["key"]>(["fatalities", "admin1", "location"]);

/**
 * ORDER BY for a sort, always ending on (event_date, id) so the order is total: the same rows come back in
 * the same order for the table, every page boundary and the export. The default sort (event_date DESC,
 * id DESC) is exactly the order of the (event_date DESC, id DESC) index and the (country|admin1|admin2|
 * event_type|status, event_date, id) indexes, so a page is an index walk that stops after LIMIT rows with
 * no sort step, and the export streams its first row immediately. That same total order is what keyset
 * pagination would seek on; with page numbers in shareable URLs we use OFFSET, which on this index walk
 * costs a few ms for the first hundreds of pages (18 ms at row 50,000 unfiltered, measured).
 * Unknown values sort last in both directions ("unknown fatalities" is not "most fatalities").
 */
export function orderBySql(sort: Sort): Sql {
  const dir = sort.dir === "asc" ? "ASC" : "DESC";
  if (sort.key === "eventDate") return Prisma.raw(`ORDER BY i.event_date ${dir}, i.id ${dir}`);
  if (sort.key === "id") return Prisma.raw(`ORDER BY i.id ${dir}`);
  // NULLS LAST only where there can be nulls: on a NOT NULL column it changes nothing but would keep
  // the planner from reading a (column DESC, event_date DESC, id DESC) index in order.
  const nulls = NULLABLE_SORT_KEYS.has(sort.key) ? " NULLS LAST" : "";
  return Prisma.raw(`ORDER BY ${SORT_SQL[sort.key]} ${dir}${nulls}, i.event_date DESC, i.id DESC`);
}
